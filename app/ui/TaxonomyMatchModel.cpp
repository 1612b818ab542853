#include "ui/TaxonomyMatchModel.h"

#include "rules/Taxonomy.h"
#include "ui/UiLanguage.h"

#include <QSet>

#include <functional>

namespace casedesk {

TaxonomyMatchModel::TaxonomyMatchModel(const Taxonomy &taxonomy, QString axis, QObject *parent)
    : QAbstractListModel(parent)
    , m_taxonomy(taxonomy)
    , m_axis(std::move(axis))
    , m_language(UiLanguage::current())
{
    m_entries = matching({});
}

QList<TaxonomyMatchModel::Entry> TaxonomyMatchModel::matching(const QString &typed) const
{
    QList<Entry> entries;
    const QString text = typed.trimmed();
    if (m_axis.isEmpty()) {
        for (const Category *c : m_taxonomy.matchCategories(text))
            entries.append({c->code, c->name.zh, c->name.en});
        return entries;
    }
    // Classification is on leaves (Taxonomy::axisLeaves); a typed parent name offers its leaves.
    QSet<QString> hits;
    std::function<void(const AxisNode &)> collect = [&](const AxisNode &node) {
        hits.insert(node.code);
        for (const AxisNode &child : node.children)
            collect(child);
    };
    for (const AxisNode *node : m_taxonomy.matchAxis(m_axis, text))
        collect(*node);
    for (const AxisNode *leaf : m_taxonomy.axisLeaves(m_axis)) {
        if (hits.contains(leaf->code))
            entries.append({leaf->code, leaf->name.zh, leaf->name.en});
    }
    return entries;
}

void TaxonomyMatchModel::setLanguage(const QString &language)
{
    beginResetModel();
    m_language = language;
    endResetModel();
}

void TaxonomyMatchModel::setFilter(const QString &typed)
{
    beginResetModel();
    m_filter = typed;
    m_entries = matching(typed);
    endResetModel();
}

QString TaxonomyMatchModel::code(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).code : QString();
}

QString TaxonomyMatchModel::name(const QString &code) const
{
    for (const Entry &e : matching({})) {
        if (e.code == code)
            return m_language.startsWith(QLatin1String("en")) ? e.en : e.zh;
    }
    return {};
}

QString TaxonomyMatchModel::exactMatch(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    for (const Entry &e : matching({})) {
        if (t.compare(e.code, Qt::CaseInsensitive) == 0 || t.compare(e.zh, Qt::CaseInsensitive) == 0
            || t.compare(e.en, Qt::CaseInsensitive) == 0)
            return e.code;
    }
    return {};
}

int TaxonomyMatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TaxonomyMatchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    const bool english = m_language.startsWith(QLatin1String("en"));
    switch (role) {
    case Qt::DisplayRole:
        // Both names in the list, so whichever language was typed is visible in the match.
        return english ? QStringLiteral("%1 — %2").arg(e.en, e.zh) : QStringLiteral("%1 — %2").arg(e.zh, e.en);
    case Qt::EditRole:
        return english ? e.en : e.zh;
    case CodeRole:
        return e.code;
    default:
        break;
    }
    return {};
}

} // namespace casedesk
