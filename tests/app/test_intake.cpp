#include "app/UiTestSupport.h"
#include "fixtures/WorkspaceFixture.h"
#include "report/AcknowledgementSlipDocument.h"
#include "ui/IntakeDialog.h"
#include "ui/IntakeForm.h"
#include "ui/TaxonomyMatchModel.h"
#include "ui/TaxonomyPicker.h"
#include "ui/UiLanguage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace casedesk;
using namespace casedesk::testing;

// The counter's intake (issue 4 §3, SCENARIOS 1): keyboard only, pickers, channel fields, live
// validation and preview, repeat warning, and the acknowledgement slip.
class TestIntake : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceFixture> f;

    std::unique_ptr<IntakeDialog> openDialog()
    {
        auto dialog = std::make_unique<IntakeDialog>(*f->workspace);
        dialog->show();
        QApplication::setActiveWindow(dialog.get());
        if (!QTest::qWaitForWindowActive(dialog.get()))
            qWarning("intake dialog not active");
        return dialog;
    }

    template<typename T>
    T *field(IntakeDialog &dialog, const QString &name)
    {
        return dialog.findChild<T *>(name);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }
    void init() { f = std::make_unique<WorkspaceFixture>(QStringLiteral("reception")); }
    void cleanup() { f.reset(); }

    void walkInWithTheKeyboardAlone()
    {
        // SCENARIOS 1: Tuesday 10:20 at SH01, link to head office down (no engine at all here).
        auto dialog = openDialog();
        QSignalSpy created(dialog.get(), &IntakeDialog::caseCreated);
        QCOMPARE(focusName(), QStringLiteral("intakeName"));
        type(QStringLiteral("陈敏"));
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("intakePhone"));
        type(QStringLiteral("138 1234 5678"));
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("intakeCategory"));
        type(QStringLiteral("工作"));
        press(Qt::Key_Tab);
        QCOMPARE(
            field<TaxonomyPicker>(*dialog, QStringLiteral("intakeCategory"))->code(), QStringLiteral("work_error"));
        QCOMPARE(focusName(), QStringLiteral("intakeBusiness"));
        type(QStringLiteral("支付"));
        press(Qt::Key_Tab);
        QCOMPARE(field<TaxonomyPicker>(*dialog, QStringLiteral("intakeBusiness"))->code(),
            QStringLiteral("payment_settlement"));
        QCOMPARE(focusName(), QStringLiteral("intakeSummary"));
        type(QStringLiteral("转账被收取25元手续费，柜员此前告知免费"));
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("intakeDemand"));
        type(QStringLiteral("退还手续费"));
        // The preview follows the typing: number, priority and the due dates before saving.
        dialog->form()->evaluate();
        const IntakeDraft::Evaluation &e = dialog->form()->evaluation();
        QCOMPARE(e.number, QStringLiteral("SH01-20261124-A0001"));
        QVERIFY2(e.acceptable(), qPrintable(QStringList(e.invalid.values() + e.missing.values()).join(u'|')));
        saveScreenshot(dialog.get(), QStringLiteral("intake-walk-in"));

        press(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(created.size(), 1);
        QVERIFY(!dialog->isVisible());
        const Case c = created.first().first().value<Case>();
        QCOMPARE(c.number, QStringLiteral("SH01-20261124-A0001"));
        auto stored = f->workspace->store().findCaseByNumber(c.number);
        QVERIFY(stored && stored->has_value());
        const Case &s = **stored;
        QCOMPARE(s.channel, Channel::WalkIn);
        QCOMPARE(s.complainant.name, QStringLiteral("陈敏"));
        QCOMPARE(s.complainant.phone, QStringLiteral("13812345678"));
        QCOMPARE(s.category, QStringLiteral("work_error"));
        QCOMPARE(s.businessCategory, QStringLiteral("payment_settlement"));
        QCOMPARE(s.demand, QStringLiteral("退还手续费"));
        QCOMPARE(s.priority, Priority::Normal);
        QCOMPARE(s.deadlines.registerBy, QDate(2026, 11, 25));
        QCOMPARE(s.deadlines.resolveBy, QDate(2026, 11, 27));
        QCOMPARE(s.deadlines.statutoryBy, QDate(2026, 12, 9));
        QCOMPARE(s.receivedBy, f->reception.id);
        // Saved locally and queued for the server (DESIGN §6).
        QCOMPARE(f->workspace->outbox().pendingCount().value(), qint64(1));
    }

    void slipPdfCarriesNumberAndChinese()
    {
        const Case c = f->create(WorkspaceFixture::walkIn(), f->reception);
        QVERIFY(!c.number.isEmpty());
        AcknowledgementSlipDocument slip(c, f->sh01, f->workspace->sharedRules(), UiLanguage::current());
        slip.setReceiverName(f->reception.name);
        auto pdf = slip.toPdf(f->clock.now());
        QVERIFY2(pdf.ok(), qPrintable(pdf.ok() ? QString() : pdf.error().message));
        const QString path = f->dir.filePath(QStringLiteral("slip.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf->bytes);
        file.close();
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QProcess pdftotext;
        pdftotext.start(
            QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(text.contains(c.number), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("工作失误")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("陈敏")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("上海分行营业部")), qPrintable(text));
    }

    void pickersFilterAsYouType_data()
    {
        QTest::addColumn<QString>("axis");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("matches");
        QTest::addColumn<QString>("first");
        QTest::newRow("Chinese part") << QString() << QStringLiteral("工作") << 1 << QStringLiteral("work_error");
        QTest::newRow("English part") << QString() << QStringLiteral("work") << 1 << QStringLiteral("work_error");
        QTest::newRow("English, other case")
            << QString() << QStringLiteral("ATTITUDE") << 1 << QStringLiteral("service_attitude");
        QTest::newRow("ambiguous Chinese")
            << QString() << QStringLiteral("服务") << 3 << QStringLiteral("service_attitude");
        QTest::newRow("nothing") << QString() << QStringLiteral("天气") << 0 << QString();
        QTest::newRow("business, Chinese")
            << QStringLiteral("business") << QStringLiteral("支付") << 1 << QStringLiteral("payment_settlement");
        QTest::newRow("business, English")
            << QStringLiteral("business") << QStringLiteral("card") << 2 << QStringLiteral("debit_card");
    }

    void pickersFilterAsYouType()
    {
        QFETCH(QString, axis);
        QFETCH(QString, typed);
        QFETCH(int, matches);
        QFETCH(QString, first);
        TaxonomyPicker picker(f->workspace->rules().taxonomy(), axis);
        picker.show();
        QApplication::setActiveWindow(&picker);
        picker.setFocus();
        type(typed);
        QCOMPARE(picker.matchCount(), matches);
        QCOMPARE(picker.matchModel()->code(0), first);
        // Leaving the field takes the only match, and nothing when the choice is open.
        QCOMPARE(picker.resolve(), matches == 1);
        QCOMPARE(picker.code(), matches == 1 ? first : QString());
    }

    void channelDependentFields()
    {
        auto dialog = openDialog();
        IntakeForm *form = dialog->form();
        const auto visible = [form](const QString &path) { return form->fieldWidget(path)->isVisibleTo(form); };
        QVERIFY(visible(QStringLiteral("complainant.name")));
        QVERIFY(visible(QStringLiteral("recording_reference")));
        QVERIFY(!visible(QStringLiteral("forwarding.body")));
        QVERIFY(!visible(QStringLiteral("media_outlet")));

        form->setChannel(Channel::ForwardedRegulator);
        QVERIFY(visible(QStringLiteral("forwarding.body")));
        QVERIFY(visible(QStringLiteral("forwarding.reference")));
        QVERIFY(visible(QStringLiteral("forwarding.due_date")));
        QVERIFY(!visible(QStringLiteral("recording_reference")));
        const auto &e = form->evaluate();
        QVERIFY(e.missing.contains(QStringLiteral("forwarding.due_date")));
        saveScreenshot(dialog.get(), QStringLiteral("intake-regulator-forwarded"));

        form->setChannel(Channel::Media);
        QVERIFY(visible(QStringLiteral("media_outlet")));
        QVERIFY(!visible(QStringLiteral("forwarding.body")));
        QVERIFY(form->evaluate().missing.contains(QStringLiteral("media_outlet")));

        // Anonymous hides name and phone and needs neither (BRIEF §6, SCENARIOS 6).
        form->setChannel(Channel::OpinionBox);
        dialog->findChild<QCheckBox *>(QStringLiteral("intakeAnonymous"))->setChecked(true);
        QVERIFY(!visible(QStringLiteral("complainant.name")));
        QVERIFY(!visible(QStringLiteral("complainant.phone")));
        const auto &anonymous = form->evaluate();
        QVERIFY(!anonymous.missing.contains(QStringLiteral("complainant.name")));
        QVERIFY(!anonymous.missing.contains(QStringLiteral("complainant.phone")));
        QVERIFY(
            form->input().value(QStringLiteral("complainant")).toObject().value(QStringLiteral("anonymous")).toBool());
    }

    void liveValidationNextToTheField()
    {
        auto dialog = openDialog();
        type(QStringLiteral("陈敏"));
        press(Qt::Key_Tab);
        type(QStringLiteral("12345"));
        press(Qt::Key_Tab); // leaving the phone field judges it
        QTRY_VERIFY(!dialog->form()->fieldMessage(QStringLiteral("complainant.phone")).isEmpty());
        QVERIFY(
            dialog->form()->fieldMessage(QStringLiteral("complainant.phone")).contains(QStringLiteral("13812345678")));
        // A field not visited yet is not scolded before a save is tried.
        QVERIFY(dialog->form()->fieldMessage(QStringLiteral("summary")).isEmpty());

        QSignalSpy created(dialog.get(), &IntakeDialog::caseCreated);
        press(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(created.size(), 0);
        QVERIFY(!dialog->form()->fieldMessage(QStringLiteral("summary")).isEmpty());
        QVERIFY(!dialog->form()->fieldMessage(QStringLiteral("category")).isEmpty());
        // The first problem in form order gets the focus.
        QCOMPARE(focusName(), QStringLiteral("intakePhone"));
        QCOMPARE(f->workspace->store().countCases({}).value(), qint64(0));
        saveScreenshot(dialog.get(), QStringLiteral("intake-validation"));

        // An unknown word in a picker says so instead of "required".
        dialog->findChild<QLineEdit *>(QStringLiteral("intakeCategory"))->setFocus();
        type(QStringLiteral("天气"));
        press(Qt::Key_Tab);
        QTRY_VERIFY(dialog->form()->fieldMessage(QStringLiteral("category")).contains(QStringLiteral("天气")));
    }

    void previewShowsPriorityAndReasons()
    {
        auto dialog = openDialog();
        IntakeForm *form = dialog->form();
        form->setChannel(Channel::Media);
        dialog->findChild<QLineEdit *>(QStringLiteral("intakeCategory"))->setFocus();
        type(QStringLiteral("服务态度"));
        press(Qt::Key_Tab);
        const auto &e = form->evaluate();
        QVERIFY(e.preview.has_value());
        QCOMPARE(e.preview->priority, Priority::Urgent);
        QCOMPARE(e.preview->handlingUnit, QStringLiteral("office"));
        QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("previewPriority"))
                        ->text()
                        .contains(QStringLiteral("媒体投诉")));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("previewDeadlines"))->text().isEmpty());
        saveScreenshot(dialog.get(), QStringLiteral("intake-media-urgent"));
    }

    void repeatWarningLinksTheEarlierCase()
    {
        // SCENARIOS 7: Ms 陈敏 comes back about the same matter.
        const Case earlier = f->create(WorkspaceFixture::walkIn(), f->reception);
        auto dialog = openDialog();
        QSignalSpy opened(dialog.get(), &IntakeDialog::openCase);
        type(QStringLiteral("陈敏"));
        press(Qt::Key_Tab);
        type(QStringLiteral("13812345678"));
        press(Qt::Key_Tab);
        type(QStringLiteral("work"));
        press(Qt::Key_Tab);
        const auto &e = dialog->form()->evaluate();
        QCOMPARE(e.repeats.size(), 1);
        QCOMPARE(e.repeats.first().number, earlier.number);
        QVERIFY(e.repeats.first().sameCategory);
        QCOMPARE(e.priorityIfRepeat, std::optional<Priority>(Priority::High));
        auto *warning = dialog->findChild<QLabel *>(QStringLiteral("previewRepeat"));
        QTRY_VERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(earlier.number));
        emit warning->linkActivated(QStringLiteral("case:") + earlier.id);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), earlier.id);
        saveScreenshot(dialog.get(), QStringLiteral("intake-repeat-warning"));
        // A different phone is no repeat.
        auto *phone = dialog->findChild<QLineEdit *>(QStringLiteral("intakePhone"));
        phone->setText(QStringLiteral("13900001111"));
        QVERIFY(dialog->form()->evaluate().repeats.isEmpty());
    }
};

QTEST_MAIN(TestIntake)
#include "test_intake.moc"
