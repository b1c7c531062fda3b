# The mysql job's policy: read the database's secrets, nothing else.
# hjob policy write mysql examples/policies/mysql.hcl
path "secret/data/mysql" {
  capabilities = ["read"]
}

path "secret/metadata/mysql" {
  capabilities = ["list", "read"]
}
