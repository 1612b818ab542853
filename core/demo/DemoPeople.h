#pragma once

#include <QDate>
#include <QRandomGenerator>
#include <QString>

namespace casedesk {

// Makes up the people who complain in demo data: common Chinese names, mobile numbers in the 138/139
// ranges and resident ID numbers with a valid check character (SCENARIOS.md: never copied from
// anywhere). Draws from the caller's random generator, so a seed gives the same people every time.
class DemoPeople
{
public:
    explicit DemoPeople(QRandomGenerator &random);

    QString name();
    QString mobile();
    // A resident ID number of someone registered near the branch (most people) or elsewhere.
    QString idNumber(const QString &branchCode, QDate today);
    // The 18-character number for a region code, birth date and 3-digit sequence.
    static QString idNumber(const QString &regionCode, QDate birth, int sequence);

private:
    QRandomGenerator &m_random;
};

} // namespace casedesk
