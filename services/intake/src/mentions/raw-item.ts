import { rawItemFor } from '@liaowang/contract';

/** The identity rule and the raw item now live in the contract, shared with `liaowang import`. */
export const toRawItem = rawItemFor;
