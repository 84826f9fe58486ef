export { hasUsers } from "./has-users";
export { burnVerification, hashPassword, verifyPassword } from "./password";
export { registerUser, type Registration } from "./register-user";
export { toUserView, type UserView } from "./user-view";
export { verifyCredentials } from "./verify-credentials";
export { registerFromWeb } from "./register-from-web";
export { mayRegister, registrationMode, registrationNotice, type RegistrationMode } from "./registration-mode";
