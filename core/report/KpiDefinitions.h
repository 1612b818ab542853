#pragma once

#include "domain/LocalizedText.h"
#include "report/MonthlyReport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace casedesk {

// How a figure is measured and how it compares with another month (环比/同比).
struct FigureDefinition
{
    enum class Unit { Count, Rate, Days, None };
    // Counts change relatively (+12.5 %), rates by percentage points, averages by their difference.
    enum class Comparison { Relative, Points, Difference, None };

    QString code;
    LocalizedText name;
    LocalizedText definition;
    Unit unit = Unit::None;
    Comparison comparison = Comparison::None;
};

// The one place where every figure of the monthly report is defined (BRIEF §8, literally): the
// headline KPIs with their formulas, and the other tables. The engine computes what is written here,
// the report's appendix prints these texts, and the JSON carries them.
class KpiDefinitions
{
public:
    // The headline KPIs, in the order the summary table shows them.
    static const QList<FigureDefinition> &kpis();
    // Everything else the report shows (distributions, lists, warnings …) and the conventions.
    static const QList<FigureDefinition> &others();
    static const FigureDefinition *find(const QString &code);

    // The value of a headline KPI for a month; nullopt when undefined (a rate over zero, a figure not
    // measured for that month).
    static std::optional<double> value(const QString &code, const MonthlyReport::Figures &figures);
    // current compared with base by the KPI's comparison; nullopt when either is missing or a relative
    // change has a zero base.
    static std::optional<double> change(
        const FigureDefinition &kpi, std::optional<double> current, std::optional<double> base);

    // Visit satisfaction codes that count as satisfied for the satisfaction rate (满意, 基本满意).
    static QStringList satisfiedCodes();
    // The audit actions counted as extensions and escalations.
    static QString extensionAction() { return QStringLiteral("extended"); }
    static QString escalationAction() { return QStringLiteral("escalated"); }
    // Row code for cases not (yet) classified on a dimension (e.g. cause before investigation).
    static QString unclassifiedCode() { return QStringLiteral("unclassified"); }
    static LocalizedText unclassifiedName();
    // Ids of MonthlyReport::breakdowns in report order.
    static QStringList breakdownIds();
};

} // namespace casedesk
