#include "session/Workspace.h"

#include <QDir>
#include <QSet>

namespace casedesk {

Workspace::Workspace(
    QString directory, const User &user, QString deviceCode, std::shared_ptr<const CaseRules> rules, const Clock &clock)
    : m_directory(std::move(directory))
    , m_user(user)
    , m_deviceCode(std::move(deviceCode))
    , m_rules(std::move(rules))
    , m_clock(clock)
{ }

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &directory, const User &user,
    const QString &deviceCode, std::shared_ptr<const CaseRules> rules, const Clock &clock)
{
    if (!QDir().mkpath(directory)) {
        return Error {QStringLiteral("workspace_unavailable"),
            QObject::tr("Cannot create the local data folder %1.").arg(directory), {}};
    }
    std::unique_ptr<Workspace> workspace(new Workspace(directory, user, deviceCode, std::move(rules), clock));
    // A counter PC keeps working through a power cut like the server does: the outbox is the only copy.
    auto database = Database::open(QDir(directory).filePath(QStringLiteral("casedesk.db")), Database::Options {true});
    if (!database)
        return database.error();
    workspace->m_database = std::move(database.value());
    workspace->m_store = std::make_unique<CaseStore>(*workspace->m_database);
    workspace->m_outbox = std::make_unique<OutboxStore>(*workspace->m_database);
    if (auto ok = workspace->m_store->migrate(); !ok)
        return ok.error();
    if (auto ok = workspace->m_outbox->migrate(); !ok)
        return ok.error();
    CaseService::Options options;
    options.assignRevisions = false; // revisions come from the server (DESIGN §6)
    options.writeAudit = false; // the trail is the server's; pending ops show what is not yet there
    workspace->m_service = std::make_unique<CaseService>(*workspace->m_store, workspace->m_rules, clock, options);
    workspace->m_casework = std::make_unique<OfflineCasework>(*workspace->m_service, *workspace->m_outbox, clock);
    workspace->setUser(user);
    return workspace;
}

void Workspace::setUser(const User &user)
{
    m_user = user;
    auto scope = m_store->branchSubtree(user.branchId);
    m_scope = scope ? scope.value() : QStringList {user.branchId};
}

AccessPolicy Workspace::access() const
{
    return AccessPolicy(m_user, m_scope);
}

Status Workspace::replaceDirectory(const QList<Branch> &branches, const QList<User> &users)
{
    auto transaction = m_database->transaction();
    // Parents first, so the branch tree's foreign keys hold while it is written.
    QList<Branch> ordered;
    QSet<QString> placed;
    while (ordered.size() < branches.size()) {
        const qsizetype before = ordered.size();
        for (const Branch &b : branches) {
            if (!placed.contains(b.id) && (b.parentId.isEmpty() || placed.contains(b.parentId))) {
                ordered.append(b);
                placed.insert(b.id);
            }
        }
        if (ordered.size() == before)
            break; // a parent outside the list: write the rest as they come
    }
    // The server may send only the reader's part of the tree: a parent or a user's branch that is in
    // neither the list nor the local store would break the foreign keys, so such links are dropped.
    QSet<QString> known = placed;
    if (auto local = m_store->branches()) {
        for (const Branch &b : local.value())
            known.insert(b.id);
    }
    for (const Branch &b : branches) {
        if (!placed.contains(b.id)) {
            Branch orphan = b;
            if (!known.contains(orphan.parentId))
                orphan.parentId.clear();
            ordered.append(orphan);
            known.insert(orphan.id);
        }
    }
    for (const Branch &b : ordered) {
        if (auto ok = m_store->saveBranch(b); !ok)
            return ok;
    }
    for (const User &u : users) {
        if (!known.contains(u.branchId))
            continue;
        if (auto ok = m_store->saveUser(u); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    setUser(m_user);
    return {};
}

} // namespace casedesk
