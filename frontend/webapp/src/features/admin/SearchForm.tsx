import { type FormEvent, useState } from "react";

interface SearchFormProps {
  id: string;
  /** The box's name for screen readers; the placeholder shows what it finds. */
  label: string;
  placeholder: string;
  submit: string;
  /** The search in force, which the box starts with. */
  initial: string;
  onSearch: (q: string) => void;
}

/** A console list's search box: the search runs on submit, trimmed. */
export function SearchForm({ id, label, placeholder, submit, initial, onSearch }: SearchFormProps) {
  const [typed, setTyped] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(typed.trim());
  };
  return (
    <form className="admin-search" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} type="search" value={typed} placeholder={placeholder} onChange={(e) => setTyped(e.target.value)} />
      <button type="submit" className="button button-secondary button-small">
        {submit}
      </button>
    </form>
  );
}
