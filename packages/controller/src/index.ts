/** @tributary/controller */
export {};
