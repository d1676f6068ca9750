/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_KIOSK_VERSION?: string;
}
