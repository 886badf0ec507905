// The seed's name for the signup form; it lives with the rest of signup in features/auth/signup/.
export { SignupForm } from "../features/auth/signup/SignupForm";
