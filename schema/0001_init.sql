-- placeholder: replaced by the store's first schema
CREATE TABLE placeholder(x);
