#pragma once

#include "domain/CaseStatus.h"
#include "domain/Channel.h"
#include "domain/Priority.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace casedesk {

class CaseRules;
struct CaseDeadlines;

// What the windows show instead of stable codes (DESIGN §5): statuses and priorities from the
// translations, channels, categories, axes, units and record kinds from the rule files in the UI
// language, the fixed values of record fields, audit actions, and dates in the UI locale.
class CaseLabels
{
    Q_DECLARE_TR_FUNCTIONS(CaseLabels)

public:
    explicit CaseLabels(const CaseRules &rules, QString language = {});

    QString language() const { return m_language; }
    QString status(CaseStatus status) const;
    static QString priority(Priority priority);
    QString channel(Channel channel) const;
    QString category(const QString &code) const;
    // A node of the regulator's axes ("channel", "business", "cause").
    QString axis(const QString &axis, const QString &code) const;
    QString unit(const QString &code) const;
    // The deadline kinds of DueState ("register", "contact", "resolve", "forwarder", "statutory", "visit").
    static QString dueKind(const QString &kind);
    QString recordKind(const QString &kind) const;
    QString recordField(const QString &kind, const QString &field) const;
    // The fixed values of record fields in case-records.json (methods, satisfaction, solved …).
    static QString recordValue(const QString &code);
    static QString auditAction(const QString &action);
    // The label of an intake field ("complainant.phone") as intake-fields.json names it.
    QString intakeField(const QString &path) const;
    static QString yesNo(bool value);

    QString date(const QDate &date) const;
    QString dateTime(const QDateTime &at) const;

private:
    const CaseRules &m_rules;
    QString m_language;
    QLocale m_locale;
};

} // namespace casedesk
