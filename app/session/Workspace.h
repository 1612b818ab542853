#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"
#include "sync/OfflineCasework.h"
#include "sync/OutboxStore.h"

#include <QObject>

#include <memory>

namespace casedesk {

// One signed-in user's offline-first world on this computer (DESIGN §6): the local store with its
// outbox, the rules, and the casework every window uses to change cases. Windows read the store and
// write through casework(); SyncEngine moves the outbox to the server and pulls changes back.
class Workspace : public QObject
{
    Q_OBJECT

public:
    // Opens (creating and migrating as needed) the store in `directory` for `user`.
    static Result<std::unique_ptr<Workspace>> open(const QString &directory, const User &user,
        const QString &deviceCode, std::shared_ptr<const CaseRules> rules, const Clock &clock);
    ~Workspace() override;

    CaseStore &store() const { return *m_store; }
    OutboxStore &outbox() const { return *m_outbox; }
    CaseService &service() const { return *m_service; }
    OfflineCasework &casework() const { return *m_casework; }
    const CaseRules &rules() const { return *m_rules; }
    std::shared_ptr<const CaseRules> sharedRules() const { return m_rules; }
    const Clock &clock() const { return m_clock; }
    const User &user() const { return m_user; }
    QString deviceCode() const { return m_deviceCode; }
    QString directory() const { return m_directory; }
    // The user's permissions over their branch subtree, from the local copy of the directory.
    AccessPolicy access() const;

    // Replaces the local copy of branches and users (fetched whole from the server at each sync).
    Status replaceDirectory(const QList<Branch> &branches, const QList<User> &users);
    void setUser(const User &user);

signals:
    // Local data changed (the user's own action or a pull): views reload what they show.
    void casesChanged();

private:
    Workspace(QString directory, const User &user, QString deviceCode, std::shared_ptr<const CaseRules> rules,
        const Clock &clock);

    QString m_directory;
    User m_user;
    QString m_deviceCode;
    std::shared_ptr<const CaseRules> m_rules;
    const Clock &m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<CaseService> m_service;
    std::unique_ptr<OfflineCasework> m_casework;
    QStringList m_scope;
};

} // namespace casedesk
