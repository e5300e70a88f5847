<#-- The vanilla flavor every group of this playbook shares. As a .json.ftl, each ${...} is escaped for the inside of
     a JSON string, and jsonEncode() writes a whole JSON value. -->
{
  "Plugin": "vanilla",
  "Properties": {
    "Init": ${jsonEncode(["echo ${role} version ${version}"])},
    "Tags": {"team": "${team}", "role": "${role}", "playbook": "quickstart"}
  }
}
