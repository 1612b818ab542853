#include "demo/DemoOrganisation.h"

#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QUuid>

namespace casedesk {

namespace {

// Ids derived from the code or login (UUID v5), so every seeding of the demo names the same
// records the same way and two runs with one seed produce comparable data.
const QUuid demoNamespace(QStringLiteral("{5b0c7d1e-3f0a-4c7e-9a52-2f1d6c0e8b41}"));

QString stableId(const QString &kind, const QString &key)
{
    return QUuid::createUuidV5(demoNamespace, kind + QLatin1Char(':') + key).toString(QUuid::WithoutBraces);
}

struct BranchSeed
{
    const char16_t *code;
    const char16_t *name;
    const char16_t *parent; // empty for head office
};

// SCENARIOS.md names these branches; two sub-branches show the tree below a branch.
constexpr BranchSeed branchSeeds[] = {
    {u"HO", u"总行", u""},
    {u"SH01", u"上海分行营业部", u"HO"},
    {u"SZ02", u"深圳南山支行", u"HO"},
    {u"BJ03", u"北京西城支行", u"HO"},
    {u"GZ04", u"广州天河支行", u"HO"},
    {u"HZ05", u"杭州西湖支行", u"HO"},
    {u"CD06", u"成都高新支行", u"HO"},
    {u"SH07", u"上海陆家嘴支行", u"SH01"},
    {u"SZ08", u"深圳前海支行", u"SZ02"},
};

struct UserSeed
{
    const char16_t *login;
    const char16_t *name;
    const char16_t *roles; // comma-separated role codes
    const char16_t *branch;
    const char16_t *unit; // handling unit of the bank profile (profile-bank.json), empty for others
    const char16_t *phone;
};

// Head office holds the leadership, the audit function, the complaint office and one handler per
// specialised unit (BRIEF §4 routing); each branch has counter staff, a complaint manager and a
// handler in its branch office.
constexpr UserSeed userSeeds[] = {
    {u"sunli", u"孙立", u"admin", u"HO", u"", u"021-61001001"},
    {u"wangjianguo", u"王建国", u"manager", u"HO", u"", u"021-61001002"},
    {u"zhaomin", u"赵敏", u"auditor", u"HO", u"", u"021-61001003"},
    {u"lina", u"李娜", u"supervisor", u"HO", u"", u"021-61001010"},
    {u"zhangwei", u"张伟", u"handler", u"HO", u"product_management", u"021-61001021"},
    {u"guoting", u"郭婷", u"handler", u"HO", u"product_management", u"021-61001022"},
    {u"liufang", u"刘芳", u"handler", u"HO", u"channel_management", u"021-61001023"},
    {u"chenjie", u"陈杰", u"handler", u"HO", u"operations", u"021-61001024"},
    {u"yangfan", u"杨帆", u"handler", u"HO", u"compliance", u"021-61001025"},
    {u"huanglei", u"黄磊", u"handler", u"HO", u"inspection", u"021-61001026"},
    {u"zhoujing", u"周静", u"handler", u"HO", u"office", u"021-61001027"},
    {u"wugang", u"吴刚", u"handler", u"HO", u"legal", u"021-61001028"},
    {u"xuli", u"徐丽", u"handler", u"HO", u"consumer_protection", u"021-61001029"},
    {u"machao", u"马超", u"handler", u"HO", u"service_quality", u"021-61001030"},
    {u"lujia", u"陆佳", u"reception", u"SH01", u"", u"021-68881001"},
    {u"shenyan", u"沈燕", u"reception", u"SH01", u"", u"021-68881002"},
    {u"guxiaodong", u"顾晓东", u"handler", u"SH01", u"branch_office", u"021-68881010"},
    {u"qianhong", u"钱红", u"supervisor", u"SH01", u"", u"021-68881020"},
    {u"zhoumingyuan", u"周明远", u"manager", u"SH01", u"", u"021-68881030"},
    {u"linxiao", u"林晓", u"reception", u"SZ02", u"", u"0755-86661001"},
    {u"zhenghai", u"郑海", u"handler", u"SZ02", u"branch_office", u"0755-86661010"},
    {u"heli", u"何丽", u"supervisor", u"SZ02", u"", u"0755-86661020"},
    {u"gaojie", u"高洁", u"reception", u"BJ03", u"", u"010-66551001"},
    {u"mengfan", u"孟凡", u"handler", u"BJ03", u"branch_office", u"010-66551010"},
    {u"hanxue", u"韩雪", u"supervisor", u"BJ03", u"", u"010-66551020"},
    {u"liangmin", u"梁敏", u"reception", u"GZ04", u"", u"020-38881001"},
    {u"fengwei", u"冯伟", u"handler", u"GZ04", u"branch_office", u"020-38881010"},
    {u"dengying", u"邓颖", u"supervisor", u"GZ04", u"", u"020-38881020"},
    {u"xunuo", u"许诺", u"reception", u"HZ05", u"", u"0571-87771001"},
    {u"jiangtao", u"蒋涛", u"handler", u"HZ05", u"branch_office", u"0571-87771010"},
    {u"shenli", u"沈莉", u"supervisor", u"HZ05", u"", u"0571-87771020"},
    {u"tangling", u"唐玲", u"reception", u"CD06", u"", u"028-85551001"},
    {u"luobin", u"罗斌", u"handler", u"CD06", u"branch_office", u"028-85551010"},
    {u"zengxue", u"曾雪", u"supervisor", u"CD06", u"", u"028-85551020"},
    {u"wuqian", u"吴倩", u"reception", u"SH07", u"", u"021-58881001"},
    {u"panyue", u"潘悦", u"reception", u"SZ08", u"", u"0755-86881001"},
};

QString text(const char16_t *s)
{
    return QString::fromUtf16(s);
}

} // namespace

Result<DemoOrganisation> DemoOrganisation::create(CaseStore &store, const Clock &clock)
{
    DemoOrganisation org;
    org.m_createdAt = clock.now();
    auto transaction = store.database().transaction();
    for (const BranchSeed &seed : branchSeeds) {
        auto existing = store.findBranchByCode(text(seed.code));
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            org.m_branches.append(**existing);
            continue;
        }
        Branch b;
        b.id = stableId(QStringLiteral("branch"), text(seed.code));
        b.code = text(seed.code);
        b.name = text(seed.name);
        if (!text(seed.parent).isEmpty()) {
            const auto parent = org.branchByCode(text(seed.parent));
            if (!parent)
                return Error {QStringLiteral("demo_organisation"), tr("Branch %1 has no parent.").arg(b.code), {}};
            b.parentId = parent->id;
        }
        if (auto ok = store.saveBranch(b); !ok)
            return ok.error();
        org.m_branches.append(b);
    }
    for (const UserSeed &seed : userSeeds) {
        auto existing = store.findUserByLogin(text(seed.login));
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            org.m_users.append(**existing);
            continue;
        }
        User u;
        u.id = stableId(QStringLiteral("user"), text(seed.login));
        u.login = text(seed.login);
        u.name = text(seed.name);
        for (const QString &code : text(seed.roles).split(QLatin1Char(','))) {
            if (const auto role = fromCode<Role>(code))
                u.roles.append(*role);
        }
        u.branchId = org.branchByCode(text(seed.branch))->id;
        u.unit = text(seed.unit);
        u.phone = text(seed.phone);
        if (auto ok = store.saveUser(u); !ok)
            return ok.error();
        org.m_users.append(u);
    }
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return org;
}

std::optional<User> DemoOrganisation::user(const QString &login) const
{
    for (const User &u : m_users) {
        if (u.login == login)
            return u;
    }
    return std::nullopt;
}

std::optional<Branch> DemoOrganisation::branchByCode(const QString &code) const
{
    for (const Branch &b : m_branches) {
        if (b.code == code)
            return b;
    }
    return std::nullopt;
}

std::optional<Branch> DemoOrganisation::branch(const QString &id) const
{
    for (const Branch &b : m_branches) {
        if (b.id == id)
            return b;
    }
    return std::nullopt;
}

QList<DemoLogin> DemoOrganisation::logins() const
{
    QList<DemoLogin> result;
    for (const User &u : m_users) {
        QStringList roles;
        for (Role role : u.roles)
            roles.append(toCode(role));
        QString summary = roles.join(QLatin1Char(','));
        if (!u.unit.isEmpty())
            summary += QStringLiteral(" (%1)").arg(u.unit);
        const auto b = branch(u.branchId);
        result.append({u.login, u.name, summary, b ? b->code : QString()});
    }
    return result;
}

QList<Branch> DemoOrganisation::receivingBranches() const
{
    QList<Branch> result;
    for (const Branch &b : m_branches) {
        if (!b.parentId.isEmpty())
            result.append(b);
    }
    return result;
}

QStringList DemoOrganisation::subtree(const QString &branchId) const
{
    QStringList result {branchId};
    for (qsizetype i = 0; i < result.size(); ++i) {
        for (const Branch &b : m_branches) {
            if (b.parentId == result.at(i) && !result.contains(b.id))
                result.append(b.id);
        }
    }
    return result;
}

AccessPolicy DemoOrganisation::access(const User &user) const
{
    return AccessPolicy(user, subtree(user.branchId));
}

QList<User> DemoOrganisation::withRole(Role role, const QString &branchId) const
{
    QList<User> result;
    for (const User &u : m_users) {
        if (u.hasRole(role) && !u.disabled && (branchId.isEmpty() || u.branchId == branchId))
            result.append(u);
    }
    return result;
}

std::optional<User> DemoOrganisation::supervisorFor(const QString &branchId) const
{
    for (std::optional<Branch> b = branch(branchId); b; b = branch(b->parentId)) {
        const QList<User> supervisors = withRole(Role::Supervisor, b->id);
        if (!supervisors.isEmpty())
            return supervisors.first();
    }
    return std::nullopt;
}

QList<User> DemoOrganisation::handlersFor(const QString &unit, const QString &branchId) const
{
    for (std::optional<Branch> b = branch(branchId); b; b = branch(b->parentId)) {
        QList<User> handlers;
        for (const User &u : withRole(Role::Handler, b->id)) {
            if (u.unit == unit)
                handlers.append(u);
        }
        if (!handlers.isEmpty())
            return handlers;
    }
    return {};
}

} // namespace casedesk
