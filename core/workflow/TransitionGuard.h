#pragma once

#include "domain/Case.h"
#include "domain/User.h"
#include "workflow/Transition.h"
#include "workflow/TransitionRequest.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace casedesk {

// A named check on a transition. workflow.json says which transitions need which guards; the
// checks themselves are code, and a failed one says in words what is missing.
class TransitionGuard
{
    Q_DECLARE_TR_FUNCTIONS(TransitionGuard)

public:
    using Check = std::optional<QString> (*)(const Case &, const User &, const Transition &, const TransitionRequest &);

    static const TransitionGuard *find(QStringView name);
    static QStringList names();

    QString name() const { return m_name; }
    // Whether the check reads what the user types (reason, voluntary); such guards cannot be
    // judged before the user acts, so availableTransitions() leaves them out.
    bool needsInput() const { return m_needsInput; }
    // The message saying what is missing, or nothing when the check passes.
    std::optional<QString> check(
        const Case &current, const User &actor, const Transition &transition, const TransitionRequest &request) const;

private:
    TransitionGuard(QString name, bool needsInput, Check check);
    static const QList<TransitionGuard> &all();

    QString m_name;
    bool m_needsInput = false;
    Check m_check = nullptr;
};

} // namespace casedesk
