// Shared shapes of the quantities extractor.

export type Approx = 'exact' | 'at_least' | 'more_than' | 'at_most' | 'less_than' | 'about' | 'range' | 'order';
