#pragma once

#include "base/Result.h"
#include "domain/Channel.h"
#include "domain/LocalizedText.h"
#include "rules/TimeLimits.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk {

// A unit that handles cases (被投诉单位, BRIEF §1), or a statistics group of the coarse view (BRIEF §3, 002).
struct TaxonomyEntry
{
    QString code;
    LocalizedText name;
};

// How a channel of DESIGN §5 is shown, and which node of the regulator's channel axis it defaults to.
struct ChannelEntry
{
    Channel channel = Channel::WalkIn;
    LocalizedText name;
    QString channelAxis;
};

// One of our own complaint categories (BRIEF §3) with what follows from it: the time-limit class,
// the unit that handles it unless a routing rule says otherwise, its statistics group and usual cause.
struct Category
{
    QString code;
    LocalizedText name;
    Complexity complexity = Complexity::General;
    QString defaultUnit;
    QString statisticsGroup;
    QString defaultCause;
};

// A node of one of the regulator's three classification axes (JR/T 0169-2018, BRIEF §9); regCode is
// the official numeric code, filled in by the admin where known.
struct AxisNode
{
    QString code;
    LocalizedText name;
    QString regCode;
    QList<AxisNode> children;
};

// The classification of one profile (bank, securities …), read from resources/rules/profile-<code>.json:
// handling units, channel names, categories and the regulator axes. Intake pickers, routing and reports
// all look codes up here; nothing in code knows a category.
class Taxonomy
{
    Q_DECLARE_TR_FUNCTIONS(Taxonomy)

public:
    static Result<Taxonomy> fromJson(const QJsonObject &json, const QString &fileName);
    // The axis ids used by axisNode(), axisLeaves() and matchAxis(): "channel", "business", "cause".
    static QStringList axisIds();

    QString profile() const { return m_profile; }
    LocalizedText name() const { return m_name; }

    const QList<TaxonomyEntry> &units() const { return m_units; }
    const TaxonomyEntry *unit(const QString &code) const;

    const QList<ChannelEntry> &channels() const { return m_channels; }
    LocalizedText channelName(Channel channel) const;
    QString channelAxisOf(Channel channel) const;

    const QList<TaxonomyEntry> &statisticsGroups() const { return m_statisticsGroups; }
    const TaxonomyEntry *statisticsGroup(const QString &code) const;

    const QList<Category> &categories() const { return m_categories; }
    const Category *category(const QString &code) const;
    // Categories whose code, Chinese or English name contains the typed text (case-insensitive), in file
    // order; all of them for empty text. The intake pickers filter with this.
    QList<const Category *> matchCategories(const QString &typed) const;

    // The roots of an axis (empty for an unknown axis id).
    QList<AxisNode> axis(const QString &axis) const;
    const AxisNode *axisNode(const QString &axis, const QString &code) const;
    // The nodes without children, depth first: what a case is classified on.
    QList<const AxisNode *> axisLeaves(const QString &axis) const;
    // Nodes at any depth matching the typed text like matchCategories().
    QList<const AxisNode *> matchAxis(const QString &axis, const QString &typed) const;

private:
    const QList<AxisNode> *axisRoots(const QString &axis) const;

    QString m_profile;
    LocalizedText m_name;
    QList<TaxonomyEntry> m_units;
    QList<ChannelEntry> m_channels;
    QList<TaxonomyEntry> m_statisticsGroups;
    QList<Category> m_categories;
    QList<AxisNode> m_channelAxis;
    QList<AxisNode> m_businessAxis;
    QList<AxisNode> m_causeAxis;
};

} // namespace casedesk
