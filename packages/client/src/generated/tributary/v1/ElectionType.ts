// Original file: proto/tributary/v1/controller.proto

export const ElectionType = {
  ELECTION_TYPE_UNSPECIFIED: 'ELECTION_TYPE_UNSPECIFIED',
  ELECTION_TYPE_PREFERRED: 'ELECTION_TYPE_PREFERRED',
  ELECTION_TYPE_UNCLEAN: 'ELECTION_TYPE_UNCLEAN',
} as const;

export type ElectionType =
  | 'ELECTION_TYPE_UNSPECIFIED'
  | 0
  | 'ELECTION_TYPE_PREFERRED'
  | 1
  | 'ELECTION_TYPE_UNCLEAN'
  | 2

export type ElectionType__Output = typeof ElectionType[keyof typeof ElectionType]
