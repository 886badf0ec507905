// The signup form under its long-standing name; it lives with the rest of signup in features/auth/signup/.
export { SignupForm } from "../features/auth/signup/SignupForm";
