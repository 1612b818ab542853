#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

namespace casedesk {

// An amount in yuan, held exactly as fen (1/100 yuan) so sums in reports never drift.
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Money)

public:
    Money() = default;
    static Money fromFen(qint64 fen);

    // Accepts "25", "25.5", "25.50" and JSON numbers with at most two decimals; no negatives.
    static Result<Money> parse(const QString &text);
    static Result<Money> fromJson(const QJsonValue &value);

    qint64 fen() const { return m_fen; }
    QString toString() const; // "25.00"
    QJsonValue toJson() const; // 25.0 (a JSON number)

    friend bool operator==(const Money &, const Money &) = default;

private:
    static Error invalid(const QString &text);

    qint64 m_fen = 0;
};

} // namespace casedesk
