#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only checks that an engine exists; migrations use the Wasm engine (src/db/migrator.ts).
exit 0
