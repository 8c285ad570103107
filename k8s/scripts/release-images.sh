#!/usr/bin/env bash
# Builds and pushes the three service images of one release, pins their digests in k8s/components/release and keeps
# each service's SBOM (CycloneDX) next to them. Run from a clean checkout of the commit you release.
#
#   REGISTRY=registry.example.com k8s/scripts/release-images.sh [build]
#       builds gateway, code-service, careers-service with Jib (-Pimages, no Docker daemon) and pushes each as
#       $REGISTRY/$IMAGE_GROUP/<service>:<version> and :<version>-<git sha>, writes target/release/<service>.bom.json
#       and pins the pushed digests in k8s/components/release/kustomization.yaml (commit that file)
#   REGISTRY=... k8s/scripts/release-images.sh pin <version> <gateway digest> <code-service digest> <careers-service digest>
#       only writes the release component, for images built elsewhere (digests as sha256:<64 hex>)
#
# env REGISTRY       host[:port][/path] of your registry (required; no default, so nothing goes to Docker Hub)
#     IMAGE_GROUP    the path under the registry (default casecoding)
#     VERSION        release version (default: the Maven project version); a -SNAPSHOT needs ALLOW_SNAPSHOT=true
#     REGISTRY_USER, REGISTRY_PASSWORD   push credentials for Jib (else ~/.docker/config.json or a credential helper)
#     ALLOW_DIRTY=true  build from a work tree with uncommitted changes (the git sha tag would not name the source)
#     K8S_DIR        the k8s folder to write into (default: the one this script is in; tests point it elsewhere)
# docs/deployment.md, "Container images".
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
k8s_dir="${K8S_DIR:-$(dirname "$here")}"
repo="$(dirname "$here")/.."
repo="$(cd "$repo" && pwd)"
services=(gateway code-service careers-service)
group="${IMAGE_GROUP:-casecoding}"

die() { echo "release-images: $*" >&2; exit 1; }

[[ -n "${REGISTRY:-}" ]] || die "set REGISTRY to your registry (host[:port][/path]); there is no default"
[[ "$REGISTRY" != */ ]] || die "REGISTRY must not end with /"
[[ "$group" =~ ^[a-z0-9]+([._/-][a-z0-9]+)*$ ]] || die "IMAGE_GROUP '$group' is no image path"

project_version() {
  # the first <version> after the parent's artifactId is the reactor's own (the root pom has no parent)
  sed -n '/<artifactId>casecoding-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' \
    "$repo/pom.xml" | head -1
}

# pin VERSION DIGEST... : writes the release component with the images pinned by digest
pin() {
  local version="$1"
  shift
  [[ "$version" =~ ^[0-9A-Za-z][0-9A-Za-z._-]{0,62}$ ]] || die "version '$version' is no valid tag and label"
  [[ $# -eq ${#services[@]} ]] || die "pin needs one digest per service: ${services[*]}"
  local digests=("$@") d
  for d in "${digests[@]}"; do
    [[ "$d" =~ ^sha256:[0-9a-f]{64}$ ]] || die "'$d' is no sha256 digest"
  done
  local out="$k8s_dir/components/release/kustomization.yaml"
  {
    echo "# The release in one place: image names, registry and digests, and the matching app.kubernetes.io/version label."
    echo "# Every overlay and every Job includes this component. Written by k8s/scripts/release-images.sh; the images"
    echo "# are pinned by digest (a tag can be pushed again, a digest cannot), the tags $version and $version-<git sha>"
    echo "# name the same images in the registry (docs/deployment.md, \"Container images\")."
    echo "apiVersion: kustomize.config.k8s.io/v1alpha1"
    echo "kind: Component"
    echo
    echo "images:"
    local i
    for i in "${!services[@]}"; do
      echo "  - name: casecoding/${services[$i]}"
      echo "    newName: $REGISTRY/$group/${services[$i]}"
      echo "    digest: ${digests[$i]}"
    done
    echo
    echo "labels:"
    echo "  - pairs:"
    echo "      app.kubernetes.io/version: $version"
    echo "    includeSelectors: false"
    echo "    includeTemplates: true"
  } > "$out.tmp"
  mv "$out.tmp" "$out"
  echo "release-images: pinned ${services[*]} $version in ${out#"$repo"/}" >&2
}

build() {
  command -v git >/dev/null || die "git is needed for the <version>-<git sha> tag"
  local sha version
  sha="$(git -C "$repo" rev-parse --short=12 HEAD)"
  if [[ -n "$(git -C "$repo" status --porcelain)" && "${ALLOW_DIRTY:-false}" != true ]]; then
    die "the work tree has uncommitted changes; commit them (or ALLOW_DIRTY=true)"
  fi
  version="${VERSION:-$(project_version)}"
  [[ -n "$version" ]] || die "no project version found in pom.xml; set VERSION"
  if [[ "$version" == *-SNAPSHOT && "${ALLOW_SNAPSHOT:-false}" != true ]]; then
    die "version $version is a snapshot; set VERSION (or ./mvnw versions:set) for a release, or ALLOW_SNAPSHOT=true"
  fi
  local creds=()
  if [[ -n "${REGISTRY_USER:-}" ]]; then
    creds=(-Dquarkus.container-image.username="$REGISTRY_USER" -Dquarkus.container-image.password="${REGISTRY_PASSWORD:-}")
  fi
  mkdir -p "$repo/target/release"
  local digests=() svc digest
  for svc in "${services[@]}"; do
    rm -f "$repo/$svc/target/jib-image.digest"
    (cd "$repo" && ./mvnw -B -q -Pimages,sbom -pl "$svc" -am package -DskipTests \
      -Dimages.registry="$REGISTRY" -Dimages.group="$group" \
      -Dquarkus.container-image.tag="$version" \
      -Dquarkus.container-image.additional-tags="$version-$sha" \
      -Dquarkus.container-image.labels.\"org.opencontainers.image.revision\"="$sha" \
      -Dquarkus.container-image.labels.\"org.opencontainers.image.version\"="$version" \
      "${creds[@]}")
    if [[ -s "$repo/$svc/target/jib-image.digest" ]]; then
      digest="$(tr -d '[:space:]' < "$repo/$svc/target/jib-image.digest")"
    elif command -v skopeo >/dev/null; then
      digest="$(skopeo inspect --format '{{.Digest}}' "docker://$REGISTRY/$group/$svc:$version-$sha")"
    elif command -v crane >/dev/null; then
      digest="$(crane digest "$REGISTRY/$group/$svc:$version-$sha")"
    else
      die "$svc: Jib wrote no target/jib-image.digest and neither skopeo nor crane is installed to read it"
    fi
    cp "$repo/$svc/target/bom.json" "$repo/target/release/$svc-$version.bom.json"
    echo "release-images: pushed $REGISTRY/$group/$svc:$version and :$version-$sha ($digest)" >&2
    digests+=("$digest")
  done
  pin "$version" "${digests[@]}"
  echo "release-images: SBOMs in target/release/; commit k8s/components/release/kustomization.yaml and tag the" \
    "commit v$version" >&2
}

case "${1:-build}" in
  build) build ;;
  pin) shift; pin "$@" ;;
  *) die "unknown command '$1' (build | pin <version> <digest> <digest> <digest>)" ;;
esac
