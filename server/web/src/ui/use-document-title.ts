// The browser tab says where you are: "<page> · Sightline".
import { useEffect } from "preact/hooks";

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Sightline` : "Sightline";
  }, [title]);
}
