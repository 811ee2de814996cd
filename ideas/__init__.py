"""The idea exchange: customers propose and vote on product ideas; product managers triage,
merge duplicates and tell voters what happened."""
