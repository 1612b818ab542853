#include "demo/DemoPeople.h"

#include "validation/ChineseIdNumber.h"

#include <QStringList>

namespace casedesk {

namespace {

// The most common surnames and a mix of given names of several generations.
const QStringList surnames = QStringLiteral(
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 "
    "蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈")
                                 .split(QLatin1Char(' '));
const QStringList givenNames = QStringLiteral(
    "伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建华 晓东 文博 子涵 欣怡 浩然 梓轩 "
    "雨桐 思远 佳琪 志强 国庆 海燕 春梅 建国 丽华 玉兰 宇 鑫 婷 慧 颖 凯 斌 鹏 立新 晓红 雪梅 俊杰 家豪 诗涵 "
    "一鸣 梦瑶 振华 淑珍 德明")
                                   .split(QLatin1Char(' '));

// County-level region codes (GB/T 2260) around each demo branch, and a few from where many people move.
struct Region
{
    const char16_t *branchPrefix; // first two letters of the branch code
    const char16_t *codes;
};
constexpr Region regions[] = {
    {u"SH", u"310101 310104 310105 310115 310112"},
    {u"SZ", u"440303 440304 440305 440306"},
    {u"BJ", u"110101 110102 110105 110108"},
    {u"GZ", u"440103 440104 440106 440111"},
    {u"HZ", u"330102 330105 330106 330110"},
    {u"CD", u"510104 510105 510107 510108"},
};
const QStringList elsewhere
    = QStringLiteral("320102 420106 430102 410105 370102 350203 340104 360102 450103 500103").split(QLatin1Char(' '));

} // namespace

DemoPeople::DemoPeople(QRandomGenerator &random)
    : m_random(random)
{ }

QString DemoPeople::name()
{
    return surnames.at(m_random.bounded(int(surnames.size())))
        + givenNames.at(m_random.bounded(int(givenNames.size())));
}

QString DemoPeople::mobile()
{
    // SCENARIOS.md: demo phone numbers use the 138 and 139 mobile ranges.
    return (m_random.bounded(2) == 0 ? QStringLiteral("138") : QStringLiteral("139"))
        + QStringLiteral("%1").arg(m_random.bounded(100000000), 8, 10, QLatin1Char('0'));
}

QString DemoPeople::idNumber(const QString &branchCode, QDate today)
{
    QStringList codes = elsewhere;
    if (m_random.bounded(100) < 75) {
        for (const Region &region : regions) {
            if (branchCode.startsWith(QString::fromUtf16(region.branchPrefix)))
                codes = QString::fromUtf16(region.codes).split(QLatin1Char(' '));
        }
    }
    const QString region = codes.at(m_random.bounded(int(codes.size())));
    // Adults of working and retirement age: 18 to 80 years old.
    const QDate birth = today.addYears(-18 - m_random.bounded(62)).addDays(-m_random.bounded(365));
    return idNumber(region, birth, 1 + m_random.bounded(998));
}

QString DemoPeople::idNumber(const QString &regionCode, QDate birth, int sequence)
{
    const QString first17 = regionCode + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + ChineseIdNumber::checkCharacter(first17);
}

} // namespace casedesk
