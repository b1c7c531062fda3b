# The hashiapp job's policy: read its own secrets, nothing else. Renewing its token needs
# `update` on auth/token/renew-self, which the built-in "default" policy grants.
# hjob policy write hashiapp examples/policies/hashiapp.hcl
path "secret/data/hashiapp" {
  capabilities = ["read"]
}

path "secret/metadata/hashiapp" {
  capabilities = ["list", "read"]
}
