export { DecryptionError, decryptJson, decryptSecret, encryptJson, encryptSecret } from "./encrypt-secret";
export { loadEncryptionKeys, type EncryptionKeys, type EncryptionKeySettings } from "./load-encryption-keys";
export { KEY_FILE_NAME, loadOrCreateKeyFile, readKeyFile, type KeyFile } from "./load-or-create-key-file";
export {
  EncryptionKeyError,
  generateEncryptionKey,
  KEY_BYTES,
  keyIdOf,
  parseEncryptionKey,
} from "./parse-encryption-key";
export { encryptionKeys, openJson, openSecret, sealJson, sealSecret } from "./secret-box";
