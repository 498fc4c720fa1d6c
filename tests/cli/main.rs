//! Integration tests: the real binary on the real corpus, a real on-disk store, a real server
//! over loopback, real validators (pyshacl, rdflib) and the project's gold scorer.

mod architecture;
mod browser;
mod common;
mod crash;
mod dataset;
mod doubts;
mod dumps;
mod endpoint;
mod fuzzed;
mod gold;
mod harvest;
mod inputs;
mod journalism;
mod links;
mod listings;
mod load;
mod papers;
mod pdf;
mod periods;
mod persons;
mod portal;
mod printed;
mod publish;
mod push;
mod queries;
mod records;
mod robustness;
mod search;
mod shared;
