#include "workflow/WorkflowNames.h"

#include <QLocale>
#include <QStringList>

namespace casedesk {

QString WorkflowNames::status(CaseStatus status)
{
    switch (status) {
    case CaseStatus::Received:
        //: Case status 已受理
        return tr("Received");
    case CaseStatus::Registered:
        //: Case status 已审核 (registered and reviewed)
        return tr("Registered");
    case CaseStatus::Dispatched:
        //: Case status 已派单
        return tr("Dispatched");
    case CaseStatus::InProgress:
        //: Case status 处理中
        return tr("In progress");
    case CaseStatus::Resolved:
        //: Case status 已答复 (resolved, reply given)
        return tr("Resolved");
    case CaseStatus::Visited:
        //: Case status 已回访 (follow-up visit done)
        return tr("Visited");
    case CaseStatus::Archived:
        //: Case status 已归档
        return tr("Archived");
    case CaseStatus::Withdrawn:
        //: Case status 已撤诉
        return tr("Withdrawn");
    }
    return toCode(status);
}

QString WorkflowNames::role(Role role)
{
    switch (role) {
    case Role::Reception:
        //: Role 柜面/大堂
        return tr("Reception");
    case Role::Handler:
        //: Role 经办人
        return tr("Handler");
    case Role::Supervisor:
        //: Role 投诉管理岗
        return tr("Supervisor");
    case Role::Manager:
        //: Role 分管领导
        return tr("Manager");
    case Role::Auditor:
        //: Role 稽核监察
        return tr("Auditor");
    case Role::Admin:
        //: Role 系统管理员
        return tr("Administrator");
    }
    return toCode(role);
}

QString WorkflowNames::roles(const QList<Role> &roles)
{
    QStringList names;
    for (Role r : roles)
        names.append(role(r));
    return QLocale().createSeparatedList(names);
}

} // namespace casedesk
