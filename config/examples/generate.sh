#!/usr/bin/env bash
# Regenerates the EXAMPLE key material and genesis.json of this folder with openssl.
# These keys are public in the repository: never use them outside a local test network.
#
# What it makes, for a 4-validator chain of 4 banks plus a regulator's observer:
#   keys/<node>.key.pem       Ed25519 consensus signing keys (PKCS#8 PEM), one per node
#   keys/<org>-admin.key.pem  Ed25519 admin keys, one per organization
#   keys/client-a.key.pem     an Ed25519 client identity of bank-a
#   tls/<org>-ca.crt.pem      each organization's P-256 CA certificate (10 years)
#   tls/<node>.crt.pem/.key.pem  each node's P-256 TLS certificate issued by its org's CA
#   genesis.json              the chain, with all of the above
# The CA private keys are thrown away: nobody can issue further example certificates.
set -euo pipefail
cd "$(dirname "$0")"

DAYS=3650
ORGS=(bank-a bank-b bank-c bank-d regulator)
declare -A ORG_NAME=([bank-a]="Bank A" [bank-b]="Bank B" [bank-c]="Bank C" [bank-d]="Bank D" [regulator]="Regulator")
VALIDATORS=(validator-a:bank-a validator-b:bank-b validator-c:bank-c validator-d:bank-d)
OBSERVERS=(observer-regulator:regulator)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf keys tls
mkdir -p keys tls

ed25519_key() { openssl genpkey -algorithm ed25519 -out "$1" 2>/dev/null; }
# The raw 32-byte public key is the tail of the SPKI DER.
ed25519_public_b64() { openssl pkey -in "$1" -pubout -outform DER | tail -c 32 | base64 -w0; }
p256_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
# A PEM file as one JSON string with \n line ends.
json_pem() { awk '{printf "%s\\n", $0}' "$1"; }
serial() { echo "0x$(openssl rand -hex 16)"; }

for org in "${ORGS[@]}"; do
  p256_key "$work/$org-ca.key.pem"
  openssl req -x509 -new -key "$work/$org-ca.key.pem" -sha256 -days "$DAYS" -set_serial "$(serial)" \
    -subj "/O=${ORG_NAME[$org]}/CN=${ORG_NAME[$org]} AllianceChain CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "tls/$org-ca.crt.pem"
  ed25519_key "keys/$org-admin.key.pem"
done

node_material() { # node org
  local node=$1 org=$2
  ed25519_key "keys/$node.key.pem"
  p256_key "tls/$node.key.pem"
  openssl req -new -key "tls/$node.key.pem" -subj "/O=${ORG_NAME[$org]}/CN=$node" -out "$work/$node.csr"
  cat > "$work/$node.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:$node,DNS:localhost,IP:127.0.0.1
EXT
  openssl x509 -req -in "$work/$node.csr" -CA "tls/$org-ca.crt.pem" -CAkey "$work/$org-ca.key.pem" \
    -set_serial "$(serial)" -days "$DAYS" -sha256 -extfile "$work/$node.ext" \
    -out "tls/$node.crt.pem" 2>/dev/null
}
for entry in "${VALIDATORS[@]}" "${OBSERVERS[@]}"; do
  node_material "${entry%%:*}" "${entry##*:}"
done
ed25519_key keys/client-a.key.pem

# genesisTime is after every certificate's notBefore, so all are valid at genesis.
sleep 1
genesis_time=$(date -u +%Y-%m-%dT%H:%M:%SZ)

node_json() { # node org
  printf '    {\n      "id": "%s",\n      "organization": "%s",\n      "publicKey": "%s",\n      "tlsCertificate": "%s"\n    }' \
    "$1" "$2" "$(ed25519_public_b64 "keys/$1.key.pem")" "$(json_pem "tls/$1.crt.pem")"
}
join_entries() { # entries as node:org
  local first=1
  for entry in "$@"; do
    [[ $first == 1 ]] || printf ',\n'
    first=0
    node_json "${entry%%:*}" "${entry##*:}"
  done
  printf '\n'
}

{
  printf '{\n  "chainId": "example-local",\n  "suite": "intl",\n  "genesisTime": "%s",\n  "organizations": [\n' "$genesis_time"
  first=1
  for org in "${ORGS[@]}"; do
    [[ $first == 1 ]] || printf ',\n'
    first=0
    printf '    {\n      "id": "%s",\n      "name": "%s",\n      "caCertificate": "%s",\n      "admins": [\n        "%s"\n      ]\n    }' \
      "$org" "${ORG_NAME[$org]}" "$(json_pem "tls/$org-ca.crt.pem")" "$(ed25519_public_b64 "keys/$org-admin.key.pem")"
  done
  printf '\n  ],\n  "validators": [\n'
  join_entries "${VALIDATORS[@]}"
  printf '  ],\n  "observers": [\n'
  join_entries "${OBSERVERS[@]}"
  printf '  ],\n  "clients": [\n    {\n      "publicKey": "%s",\n      "organization": "bank-a"\n    }\n  ],\n' \
    "$(ed25519_public_b64 keys/client-a.key.pem)"
  printf '  "namespaces": [\n    {\n      "name": "evidence",\n      "writers": []\n    },\n'
  printf '    {\n      "name": "registry",\n      "writers": [\n        "%s"\n      ]\n    }\n  ],\n' \
    "$(ed25519_public_b64 keys/bank-a-admin.key.pem)"
  printf '  "consensus": {\n    "window": 2,\n    "checkpointInterval": 16,\n    "maxBlockTransactions": 2000,\n'
  printf '    "maxBlockBytes": 4194304,\n    "maxTransactionBytes": 65536,\n    "transactionLifetimeBlocks": 1000\n  }\n}\n'
} > genesis.json
echo "wrote $(pwd)/genesis.json (genesisTime $genesis_time)"
