"""Registers of the seed corpus: each module writes prompt/answer pairs with an inducing and a control side."""
