#include "report/ReportTerms.h"

namespace casedesk {

LocalizedText ReportTerms::term(const char16_t *zh, const char16_t *en)
{
    return {QString::fromUtf16(zh), QString::fromUtf16(en)};
}

LocalizedText ReportTerms::status(CaseStatus status)
{
    switch (status) {
    case CaseStatus::Received:
        return term(u"已受理", u"Received");
    case CaseStatus::Registered:
        return term(u"已审核", u"Registered");
    case CaseStatus::Dispatched:
        return term(u"已派单", u"Dispatched");
    case CaseStatus::InProgress:
        return term(u"处理中", u"In progress");
    case CaseStatus::Resolved:
        return term(u"已答复", u"Resolved");
    case CaseStatus::Visited:
        return term(u"已回访", u"Visited");
    case CaseStatus::Archived:
        return term(u"已归档", u"Archived");
    case CaseStatus::Withdrawn:
        return term(u"已撤诉", u"Withdrawn");
    }
    return {};
}

LocalizedText ReportTerms::priority(Priority priority)
{
    switch (priority) {
    case Priority::Urgent:
        return term(u"紧急", u"Urgent");
    case Priority::High:
        return term(u"较高", u"High");
    case Priority::Normal:
        return term(u"一般", u"Normal");
    }
    return {};
}

LocalizedText ReportTerms::satisfaction(const QString &code)
{
    if (code == QLatin1String("satisfied"))
        return term(u"满意", u"Satisfied");
    if (code == QLatin1String("basically_satisfied"))
        return term(u"基本满意", u"Basically satisfied");
    if (code == QLatin1String("dissatisfied"))
        return term(u"不满意", u"Dissatisfied");
    return {code, code};
}

LocalizedText ReportTerms::solved(const QString &code)
{
    if (code == QLatin1String("yes"))
        return term(u"已解决", u"Solved");
    if (code == QLatin1String("partly"))
        return term(u"部分解决", u"Partly solved");
    if (code == QLatin1String("no"))
        return term(u"未解决", u"Not solved");
    return {code, code};
}

LocalizedText ReportTerms::method(const QString &code)
{
    if (code == QLatin1String("phone"))
        return term(u"电话", u"Phone");
    if (code == QLatin1String("sms"))
        return term(u"短信", u"SMS");
    if (code == QLatin1String("email"))
        return term(u"电子邮件", u"E-mail");
    if (code == QLatin1String("in_person"))
        return term(u"当面", u"In person");
    if (code == QLatin1String("letter"))
        return term(u"信函", u"Letter");
    if (code == QLatin1String("online"))
        return term(u"网络", u"Online");
    return {code, code};
}

LocalizedText ReportTerms::yesNo(bool value)
{
    return value ? term(u"是", u"Yes") : term(u"否", u"No");
}

LocalizedText ReportTerms::correctiveStatus(const QString &code)
{
    if (code == QLatin1String("open"))
        return term(u"未开始", u"Open");
    if (code == QLatin1String("in_progress"))
        return term(u"整改中", u"In progress");
    if (code == QLatin1String("done"))
        return term(u"已完成", u"Done");
    return {code, code};
}

} // namespace casedesk
