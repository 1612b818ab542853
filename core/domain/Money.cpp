#include "domain/Money.h"

#include <QRegularExpression>

#include <cmath>

namespace casedesk {

namespace {
// Ten billion yuan: far above any complaint, far below qint64 and double precision limits.
constexpr qint64 maximumFen = 1'000'000'000'000LL;

} // namespace

Error Money::invalid(const QString &text)
{
    return {QStringLiteral("invalid_amount"), tr("“%1” is not an amount in yuan with at most two decimals.").arg(text),
        {{QStringLiteral("value"), text}}};
}

Money Money::fromFen(qint64 fen)
{
    Money money;
    money.m_fen = fen;
    return money;
}

Result<Money> Money::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,13})(?:\\.(\\d{1,2}))?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return invalid(text);
    const qint64 yuan = match.captured(1).toLongLong();
    QString decimals = match.captured(2);
    while (decimals.size() < 2)
        decimals.append(QLatin1Char('0'));
    const qint64 fen = yuan * 100 + decimals.toLongLong();
    if (fen > maximumFen)
        return invalid(text);
    return fromFen(fen);
}

Result<Money> Money::fromJson(const QJsonValue &value)
{
    if (value.isString())
        return parse(value.toString());
    if (!value.isDouble())
        return invalid(value.toVariant().toString());
    const double yuan = value.toDouble();
    const double fen = std::round(yuan * 100.0);
    if (!std::isfinite(yuan) || yuan < 0 || std::fabs(yuan * 100.0 - fen) > 1e-6 || fen > double(maximumFen))
        return invalid(QString::number(yuan, 'g', 17));
    return fromFen(qint64(fen));
}

QString Money::toString() const
{
    return QStringLiteral("%1.%2").arg(m_fen / 100).arg(m_fen % 100, 2, 10, QLatin1Char('0'));
}

QJsonValue Money::toJson() const
{
    return double(m_fen) / 100.0;
}

} // namespace casedesk
