"""The pure domain: identities, documents, requests and their states, deadlines. No I/O."""
