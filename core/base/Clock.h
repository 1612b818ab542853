#pragma once

#include <QDateTime>

namespace casedesk {

// Where "now" comes from. Deadlines, overdue flags, month cut-offs and token expiry all ask a
// Clock, so tests pin the date (e.g. inside the Spring Festival week) instead of using today.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that stands still until told otherwise; used by tests and the demo generator.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now);
    QDateTime now() const override;
    void set(const QDateTime &now);
    void advanceSeconds(qint64 seconds);

private:
    QDateTime m_now;
};

} // namespace casedesk
