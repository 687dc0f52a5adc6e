/** @tributary/broker */
export {};
