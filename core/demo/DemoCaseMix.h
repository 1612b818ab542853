#pragma once

#include "domain/Channel.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <optional>

namespace casedesk {

class Taxonomy;

// One everyday complaint as the demo tells it: what the customer says and wants, and what the
// investigation later finds and the bank answers. Codes are those of the bank profile.
struct DemoStory
{
    QString category;
    QString businessCategory;
    QString summary;
    QString demand;
    std::optional<qint64> amountYuan;
    QString product;
    QString cause; // regulator axis C, confirmed by the investigation
    QString facts;
    QString solution; // the reply given to the customer
    QString subjectStaff; // who is complained about (a post, never a demo user)
    bool fundsSafety = false;
    bool ourFault = true;
    bool legalDispute = false;
};

// The mix of everyday complaints at a Chinese bank branch (002 statistics: work errors first, then
// service attitude, products, channels …): weighted categories and channels, and stories to tell.
// Only codes the taxonomy knows are used, so a changed profile never yields an invalid intake.
// Weights are demo realism, not rules: nothing in the product reads them.
class DemoCaseMix
{
public:
    explicit DemoCaseMix(const Taxonomy &taxonomy);

    // A category for an everyday complaint; `boosted` gets `factor` times its usual weight.
    QString category(QRandomGenerator &random, const QString &boosted = {}, double factor = 1) const;
    // How it arrives; on days the branch is closed only the hotline and online channels are open.
    Channel channel(QRandomGenerator &random, bool branchOpen) const;
    DemoStory story(const QString &category, QRandomGenerator &random) const;
    QString mediaOutlet(QRandomGenerator &random) const;
    QString regulatorBody(QRandomGenerator &random) const;
    QString superiorBody(QRandomGenerator &random) const;
    // Complaints a branch receives relative to an average branch (bigger branches, more customers).
    static double branchWeight(const QString &branchCode);

private:
    struct Weighted
    {
        QString code;
        double weight = 0;
    };

    struct StoryTemplate
    {
        DemoStory story; // summary and solution hold %1 for the amount
        int minYuan = 0; // 0: no amount in dispute
        int maxYuan = 0;
    };

    const Taxonomy &m_taxonomy;
    QList<Weighted> m_categories;
    QList<StoryTemplate> m_stories;
};

} // namespace casedesk
