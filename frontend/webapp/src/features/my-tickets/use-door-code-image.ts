import { useEffect, useState } from "react";
import { doorCodeImage } from "./door-code-qr";

/** The door code's QR image, made in the browser; `null` until it is ready (or if it could not be made). */
export function useDoorCodeImage(code: string): string | null {
  const [image, setImage] = useState<{ code: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    doorCodeImage(code).then(
      (url) => {
        if (current) setImage({ code, url });
      },
      () => {
        if (current) setImage(null);
      },
    );
    return () => {
      current = false;
    };
  }, [code]);
  return image?.code === code ? image.url : null;
}
