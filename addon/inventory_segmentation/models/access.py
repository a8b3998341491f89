"""The three segmentation roles, and the check that model methods run before they
act with elevated rights (an RPC call must not get further than the UI would)."""

from odoo.exceptions import AccessError

GROUP_USER = "inventory_segmentation.group_segmentation_user"
GROUP_PLANNER = "inventory_segmentation.group_segmentation_planner"
GROUP_MANAGER = "inventory_segmentation.group_segmentation_manager"


def has_segmentation_role(env, group_xml_id):
    return env.su or env.user.has_group(group_xml_id)


def check_segmentation_role(env, group_xml_id, action):
    """Raise an AccessError naming the missing group unless the user has it."""
    if has_segmentation_role(env, group_xml_id):
        return
    group = env.ref(group_xml_id).sudo()
    raise AccessError(
        env._(
            "Only users in the group “%(group)s” may %(action)s.",
            group=group.full_name or group.name,
            action=action,
        )
    )
