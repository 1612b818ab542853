#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace casedesk {

class Taxonomy;

// The categories (or the nodes of one regulator axis) that match what the user typed, in either
// language or by code (Taxonomy::matchCategories / matchAxis). A QCompleter shows it unfiltered, so
// typing 工作 or "work" both offer 工作失误 Work error (SCENARIOS 1).
class TaxonomyMatchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum DataRole { CodeRole = Qt::UserRole + 1 };

    // axis: empty for our own categories, else "channel", "business" or "cause" (leaves only).
    TaxonomyMatchModel(const Taxonomy &taxonomy, QString axis, QObject *parent = nullptr);

    void setLanguage(const QString &language);
    void setFilter(const QString &typed);
    QString filter() const { return m_filter; }

    QString code(int row) const;
    // The name in the UI language: what the picker shows once chosen.
    QString name(const QString &code) const;
    // The code whose name (either language) or code equals `text`, ignoring case; empty if none.
    QString exactMatch(const QString &text) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QString code;
        QString zh;
        QString en;
    };
    QList<Entry> matching(const QString &typed) const;

    const Taxonomy &m_taxonomy;
    QString m_axis;
    QString m_language;
    QString m_filter;
    QList<Entry> m_entries;
};

} // namespace casedesk
