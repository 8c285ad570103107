#!/usr/bin/env bash
# Creates the Secrets the dev overlay needs: random database passwords, a fresh RSA signing key for the gateway and a
# random first-admin password. Secrets that already exist are kept (the database roles were created with them).
#
#   k8s/scripts/create-dev-secrets.sh [--print] [namespace]        default namespace: casecoding-dev
#     --print   write the Secret manifests to stdout instead of applying them (no cluster needed)
#   env CASECODING_ADMIN_EMAIL (default admin@casecoding.localhost), GATEWAY_JWT_ACTIVE_KID (default casecoding-1,
#   must equal GATEWAY_JWT_ACTIVE_KID in the overlay's gateway-config).
#
# Production: create the same Secrets by hand with your own values (docs/deployment.md, "Creating the secrets").
set -euo pipefail
kubectl="${KUBECTL:-kubectl}"

print=false
if [[ "${1:-}" == "--print" ]]; then
  print=true
  shift
fi
ns="${1:-casecoding-dev}"
admin_email="${CASECODING_ADMIN_EMAIL:-admin@casecoding.localhost}"
kid="${GATEWAY_JWT_ACTIVE_KID:-casecoding-1}"
jdbc_url="jdbc:postgresql://postgres:5432/casecoding"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

random_password() {
  openssl rand -hex 20
}

# secret NAME [kubectl create secret generic arguments...]
secret() {
  local name="$1"
  shift
  if ! $print && "$kubectl" -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists in $ns: kept" >&2
    return
  fi
  "$kubectl" create secret generic "$name" --namespace "$ns" "$@" --dry-run=client -o yaml > "$work/$name.yaml"
  if $print; then
    cat "$work/$name.yaml"
    echo "---"
  else
    "$kubectl" apply -f "$work/$name.yaml"
  fi
}

if ! $print; then
  "$kubectl" get namespace "$ns" >/dev/null 2>&1 || "$kubectl" create namespace "$ns"
fi

secret postgres-admin --from-literal=password="$(random_password)"
secret gateway-db --from-literal=jdbc-url="$jdbc_url" --from-literal=username=gateway \
  --from-literal=password="$(random_password)"
secret code-service-db --from-literal=jdbc-url="$jdbc_url" --from-literal=username=code_service \
  --from-literal=password="$(random_password)"
secret careers-service-db --from-literal=jdbc-url="$jdbc_url" --from-literal=username=careers_service \
  --from-literal=password="$(random_password)"

# One PKCS#8 PEM private key per file; the file name is the key id.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/$kid" 2>/dev/null
secret gateway-jwt-keys --from-file="$kid=$work/$kid"

# The view grant key shared by the gateway and code-service: 32 random bytes in Base64; the file name is the key id.
openssl rand -base64 32 > "$work/view-grant-1"
secret view-grant-keys --from-file="view-grant-1=$work/view-grant-1"

# The shared secret of the inbound-mail service (header X-Inbound-Secret on POST /api/consults/inbound).
secret consults-inbound --from-literal=secret="$(random_password)"

secret gateway-admin --from-literal=email="$admin_email" --from-literal=password="$(random_password)"

if ! $print; then
  echo "First admin: $admin_email; password: kubectl -n $ns get secret gateway-admin -o jsonpath='{.data.password}' | base64 -d" >&2
fi
