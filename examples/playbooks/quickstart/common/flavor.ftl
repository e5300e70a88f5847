<#-- The vanilla flavor every group of this playbook shares; included with its own variables. -->
{
  "Plugin": "vanilla",
  "Properties": {
    "Init": ${jsonEncode(["echo ${role} version ${version}"])},
    "Tags": {"team": "${team}", "role": "${role}", "playbook": "quickstart"}
  }
}
