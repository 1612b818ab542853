#include "app/UiTestSupport.h"
#include "fixtures/WorkspaceFixture.h"
#include "ui/CaseActionDialog.h"
#include "ui/CaseDetailView.h"
#include "ui/CaseEditDialog.h"
#include "ui/CorrectiveActionDialog.h"
#include "ui/DocumentDialog.h"
#include "ui/RecordDialog.h"
#include "ui/TransitionDialog.h"
#include "ui/UiLanguage.h"
#include "ui/VisitDialog.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace casedesk;
using namespace casedesk::testing;

// The case detail view (issue 4 §5, §6): role-aware life-cycle steps, the dialogs behind them,
// records from the schema, the follow-up visit that re-opens, withdrawal under pressure.
class TestCaseDetail : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceFixture> f;

    std::unique_ptr<CaseDetailView> view(const Case &c)
    {
        auto detail = std::make_unique<CaseDetailView>(*f->workspace, nullptr, c.id);
        detail->resize(1280, 760);
        detail->show();
        QApplication::setActiveWindow(detail.get());
        return detail;
    }

    Case current(const Case &c) { return f->workspace->store().findCase(c.id).value().value(); }

    static QStringList timelineTexts(const CaseDetailView &detail)
    {
        QStringList texts;
        for (int i = 0; i < detail.timeline()->topLevelItemCount(); ++i)
            texts.append(detail.timeline()->topLevelItem(i)->text(2));
        return texts;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiLanguage::apply(QStringLiteral("zh_CN"));
    }
    void init() { f = std::make_unique<WorkspaceFixture>(QStringLiteral("supervisor")); }
    void cleanup() { f.reset(); }

    void stepsFollowTheRole_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("available");
        QTest::addColumn<bool>("review");
        QTest::addColumn<bool>("withdraw");
        QTest::addColumn<bool>("records");
        QTest::addColumn<bool>("transfer");
        QTest::newRow("supervisor") << "supervisor" << true << true << true << true << true;
        QTest::newRow("reception") << "reception" << true << false << true << true << false;
        // Head office sees every branch, but a handler not assigned may not move the case.
        QTest::newRow("handler not assigned") << "product" << true << false << false << true << false;
        QTest::newRow("auditor reads only") << "auditor" << true << false << false << false << false;
        QTest::newRow("another branch") << "sz.reception" << false << false << false << false << false;
    }

    void stepsFollowTheRole()
    {
        QFETCH(QString, login);
        QFETCH(bool, available);
        QFETCH(bool, review);
        QFETCH(bool, withdraw);
        QFETCH(bool, records);
        QFETCH(bool, transfer);
        const Case c = f->create(WorkspaceFixture::walkIn(), f->reception);
        for (const User &u : f->users) {
            if (u.login == login)
                f->actAs(u);
        }
        auto detail = view(c);
        const auto enabled = [&detail](CaseStatus to) {
            return detail->transitionButton(to) && detail->transitionButton(to)->isEnabled();
        };
        QCOMPARE(detail->isAvailable(), available);
        QCOMPARE(enabled(CaseStatus::Registered), review);
        QCOMPARE(enabled(CaseStatus::Withdrawn), withdraw);
        QCOMPARE(detail->recordAction(QStringLiteral("note")) != nullptr, records);
        QCOMPARE(detail->caseAction(CaseActionDialog::Action::Transfer) != nullptr, transfer);
    }

    void transitionsFromTheDetailView()
    {
        const Case c = f->create(WorkspaceFixture::walkIn(), f->reception);
        auto detail = view(c);
        saveScreenshot(detail.get(), QStringLiteral("detail-received-supervisor"));
        QPushButton *reviewButton = detail->transitionButton(CaseStatus::Registered);
        QVERIFY(reviewButton);
        QVERIFY(reviewButton->isEnabled());
        QTest::mouseClick(reviewButton, Qt::LeftButton);
        QCOMPARE(current(c).status, CaseStatus::Registered);
        QCOMPARE(detail->currentCase().status, CaseStatus::Registered);

        // Dispatch (派单) asks for the handler, then moves the case.
        QPushButton *dispatchButton = detail->transitionButton(CaseStatus::Dispatched);
        QVERIFY(dispatchButton && dispatchButton->isEnabled());
        QTest::mouseClick(dispatchButton, Qt::LeftButton);
        auto *dialog = detail->findChild<CaseActionDialog *>();
        QVERIFY(dialog);
        QComboBox *assignee = dialog->assigneeField();
        const int handlerRow = assignee->findData(f->handler.id);
        QVERIFY(handlerRow >= 0);
        assignee->setCurrentIndex(handlerRow);
        saveScreenshot(dialog, QStringLiteral("dialog-dispatch"));
        dialog->accept();
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        const Case dispatched = current(c);
        QCOMPARE(dispatched.status, CaseStatus::Dispatched);
        QCOMPARE(dispatched.assigneeId, f->handler.id);
        QVERIFY(dispatched.deadlines.contactBy.isValid());
        // What the server has not confirmed yet shows as such in the timeline.
        QTRY_VERIFY(timelineTexts(*detail).join(u'\n').contains(tr("(not yet sent)"))
            || detail->timeline()->topLevelItemCount() >= 3);
        QVERIFY(f->workspace->outbox().pendingCount().value() >= 4);
    }

    void resolvingNeedsTheCauseAndTheReply()
    {
        const Case c = f->inProgress(f->handler);
        f->actAs(f->handler);
        auto detail = view(c);
        QPushButton *resolve = detail->transitionButton(CaseStatus::Resolved);
        QVERIFY(resolve);
        // The cause is not confirmed yet: the step says so instead of hiding.
        QVERIFY(!resolve->isEnabled());
        QVERIFY(!resolve->toolTip().isEmpty());

        RecordDialog *investigation = detail->openRecord(QStringLiteral("investigation"));
        QVERIFY(investigation);
        auto *facts = qobject_cast<QPlainTextEdit *>(investigation->fieldWidget(QStringLiteral("facts")));
        facts->setPlainText(QStringLiteral("核查转账记录，柜员告知有误"));
        auto *cause = qobject_cast<QComboBox *>(investigation->fieldWidget(QStringLiteral("cause")));
        cause->setCurrentIndex(cause->findData(QStringLiteral("pricing_fees")));
        saveScreenshot(investigation, QStringLiteral("dialog-record-investigation"));
        investigation->accept();
        QVERIFY2(investigation->errorText().isEmpty(), qPrintable(investigation->errorText()));
        QCOMPARE(current(c).cause, QStringLiteral("pricing_fees"));

        resolve = detail->transitionButton(CaseStatus::Resolved);
        QVERIFY(resolve && resolve->isEnabled());
        QTest::mouseClick(resolve, Qt::LeftButton);
        auto *dialog = detail->findChild<TransitionDialog *>();
        QVERIFY(dialog);
        dialog->accept(); // no reply typed yet
        QVERIFY(!dialog->errorText().isEmpty());
        QCOMPARE(current(c).status, CaseStatus::InProgress);
        dialog->reasonField()->setPlainText(QStringLiteral("已退还手续费25元并致歉"));
        dialog->accept();
        QCOMPARE(current(c).status, CaseStatus::Resolved);
        QVERIFY(current(c).deadlines.visitBy.isValid());
    }

    void recordsComeFromTheSchema()
    {
        const Case c = f->inProgress(f->handler);
        f->actAs(f->handler);
        auto detail = view(c);
        QVERIFY(detail->recordAction(QStringLiteral("contact")));
        QVERIFY(detail->recordAction(QStringLiteral("compensation")));
        QVERIFY(!detail->recordAction(QStringLiteral("visit"))); // the complaint manager's
        QVERIFY(!detail->recordAction(QStringLiteral("supervision_reply"))); // not a forwarded case
        RecordDialog *contact = detail->openRecord(QStringLiteral("contact"));
        QVERIFY(contact);
        contact->accept(); // the summary is required
        QVERIFY(!contact->errorText().isEmpty());
        qobject_cast<QPlainTextEdit *>(contact->fieldWidget(QStringLiteral("summary")))
            ->setPlainText(QStringLiteral("电话联系客户，说明处理进度"));
        contact->accept();
        QVERIFY2(contact->errorText().isEmpty(), qPrintable(contact->errorText()));
        auto records = f->workspace->store().records(c.id, QStringLiteral("contact"));
        QCOMPARE(records->size(), 1);
        QCOMPARE(records->first().data.value(QStringLiteral("method")).toString(), QStringLiteral("phone"));
        QVERIFY(current(c).firstContactAt.isValid());
        QTRY_VERIFY(timelineTexts(*detail).join(u'\n').contains(QStringLiteral("电话联系客户")));

        RecordDialog *compensation = detail->openRecord(QStringLiteral("compensation"));
        qobject_cast<QLineEdit *>(compensation->fieldWidget(QStringLiteral("amount")))->setText(QStringLiteral("25"));
        qobject_cast<QLineEdit *>(compensation->fieldWidget(QStringLiteral("approver")))
            ->setText(QStringLiteral("张伟"));
        saveScreenshot(compensation, QStringLiteral("dialog-record-compensation"));
        compensation->accept();
        QVERIFY2(compensation->errorText().isEmpty(), qPrintable(compensation->errorText()));
        QCOMPARE(f->workspace->store()
                     .records(c.id, QStringLiteral("compensation"))
                     ->first()
                     .data.value(QStringLiteral("amount"))
                     .toDouble(),
            25.0);
        saveScreenshot(detail.get(), QStringLiteral("detail-in-progress-handler"));
    }

    void visitThatReopens()
    {
        // BRIEF §6: a dissatisfied or unsolved follow-up re-opens the case with its history intact.
        const Case c = f->resolved();
        QCOMPARE(c.status, CaseStatus::Resolved);
        auto detail = view(c);
        VisitDialog *visit = detail->openVisit();
        QVERIFY(visit);
        visit->reachedButton(true)->setChecked(true);
        visit->solvedButton(QStringLiteral("no"))->setChecked(true);
        visit->satisfactionButton(QStringLiteral("dissatisfied"))->setChecked(true);
        visit->commentsField()->setPlainText(QStringLiteral("退款仍未到账"));
        QVERIFY(visit->outcomeText().contains(tr("re-opens")) || !visit->outcomeText().isEmpty());
        saveScreenshot(visit, QStringLiteral("dialog-visit-reopens"));
        visit->accept();
        QVERIFY2(visit->errorText().isEmpty(), qPrintable(visit->errorText()));
        const Case reopened = current(c);
        QCOMPARE(reopened.status, CaseStatus::InProgress);
        QCOMPARE(reopened.reopenCount, 1);
        QVERIFY(reopened.resolvedAt.isNull() || reopened.resolvedAt.isValid()); // history lives in the records
        auto visits = f->workspace->store().records(c.id, QStringLiteral("visit"));
        QCOMPARE(visits->size(), 1);
        QCOMPARE(visits->first().data.value(QStringLiteral("satisfaction")).toString(), QStringLiteral("dissatisfied"));
        QTRY_COMPARE(detail->currentCase().status, CaseStatus::InProgress);
        QVERIFY(!detail->openVisit()); // nothing to visit while it is worked again
    }

    void unreachedVisitsAreRetriedThenClosed()
    {
        const Case c = f->resolved();
        auto detail = view(c);
        const int attempts = f->workspace->rules().limits().visitAttempts();
        for (int attempt = 1; attempt <= attempts; ++attempt) {
            VisitDialog *visit = detail->openVisit();
            QVERIFY2(visit, qPrintable(QStringLiteral("attempt %1").arg(attempt)));
            visit->reachedButton(false)->setChecked(true);
            visit->accept();
            QVERIFY2(visit->errorText().isEmpty(), qPrintable(visit->errorText()));
            const CaseStatus expected = attempt < attempts ? CaseStatus::Resolved : CaseStatus::Visited;
            QCOMPARE(current(c).status, expected);
            if (attempt < attempts)
                QVERIFY(!detail->noticeText().isEmpty()); // "try again later"
        }
    }

    void withdrawalUnderPressureReopens()
    {
        // SCENARIOS 9: the branch manager offered a gift for the withdrawal.
        const Case c = f->inProgress(f->handler);
        auto detail = view(c);
        QPushButton *withdraw = detail->transitionButton(CaseStatus::Withdrawn);
        QVERIFY(withdraw && withdraw->isEnabled());
        QTest::mouseClick(withdraw, Qt::LeftButton);
        auto *dialog = detail->findChild<TransitionDialog *>();
        QVERIFY(dialog && dialog->voluntaryYes() && dialog->voluntaryNo());
        QVERIFY(!dialog->voluntaryYes()->isChecked() && !dialog->voluntaryNo()->isChecked());
        dialog->reasonField()->setPlainText(QStringLiteral("客户来电撤诉"));
        dialog->accept(); // the question must be answered
        QVERIFY(!dialog->errorText().isEmpty());
        QCOMPARE(current(c).status, CaseStatus::InProgress);
        dialog->voluntaryNo()->setChecked(true);
        saveScreenshot(dialog, QStringLiteral("dialog-withdrawal"));
        dialog->accept();
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        const Case after = current(c);
        QCOMPARE(after.status, CaseStatus::InProgress);
        QVERIFY(after.conductIssue);
    }

    void reopenWithReason()
    {
        const Case c = f->resolved();
        auto detail = view(c);
        auto *dialog = qobject_cast<TransitionDialog *>(detail->startTransition(CaseStatus::InProgress));
        QVERIFY(dialog);
        dialog->reasonField()->setPlainText(QStringLiteral("客户再次来电：退款未到账"));
        dialog->accept();
        QCOMPARE(current(c).status, CaseStatus::InProgress);
        QCOMPARE(current(c).reopenCount, 1);
    }

    void extensionAndEdit()
    {
        QJsonObject product = WorkspaceFixture::walkIn();
        product.insert(QStringLiteral("category"), QStringLiteral("product"));
        const Case c = f->create(product, f->reception);
        auto detail = view(c);
        QAction *extend = detail->caseAction(CaseActionDialog::Action::Extend);
        QVERIFY(extend);
        CaseActionDialog *dialog = detail->openAction(CaseActionDialog::Action::Extend);
        dialog->accept(); // a reason is required (004 art.11)
        QVERIFY(!dialog->errorText().isEmpty());
        dialog->reasonField()->setPlainText(QStringLiteral("需调取销售录音，延期处理"));
        dialog->accept();
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        const Case extended = current(c);
        QVERIFY(extended.resolveExtended);
        QVERIFY(extended.deadlines.resolveBy > c.deadlines.resolveBy);
        QVERIFY(!detail->caseAction(CaseActionDialog::Action::Extend)); // once only

        CaseEditDialog *edit = detail->openEdit();
        QVERIFY(edit);
        qobject_cast<QLineEdit *>(edit->fieldWidget(QStringLiteral("subject_staff")))
            ->setText(QStringLiteral("柜员甲"));
        QCOMPARE(edit->changes().keys(), QStringList {QStringLiteral("subject_staff")});
        edit->accept();
        QCOMPARE(current(c).subjectStaff, QStringLiteral("柜员甲"));
    }

    void correctiveActionIsQueued()
    {
        const Case c = f->create(WorkspaceFixture::walkIn(), f->reception);
        auto detail = view(c);
        const qint64 before = f->workspace->outbox().pendingCount().value();
        CorrectiveActionDialog *dialog = detail->openCorrectiveAction();
        QVERIFY(dialog);
        dialog->titleField()->setText(QStringLiteral("柜面收费告知话术统一培训"));
        dialog->accept();
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        auto actions = f->workspace->store().correctiveActions({}, c.id);
        QCOMPARE(actions->size(), 1);
        QCOMPARE(actions->first().title, QStringLiteral("柜面收费告知话术统一培训"));
        QCOMPARE(f->workspace->outbox().pendingCount().value(), before + 1);
    }

    void supervisionReplyIsPrintable()
    {
        // SCENARIOS 3: a regulator-forwarded case answered with the supervision-reply elements.
        QJsonObject forwarded = WorkspaceFixture::walkIn();
        forwarded.insert(QStringLiteral("channel"), QStringLiteral("forwarded_regulator"));
        forwarded.insert(QStringLiteral("forwarding"),
            QJsonObject {{QStringLiteral("body"), QStringLiteral("上海银保监局")},
                {QStringLiteral("reference"), QStringLiteral("12378-2026-0815")},
                {QStringLiteral("due_date"), QStringLiteral("2026-12-04")}});
        const Case c = f->create(forwarded, f->reception);
        QCOMPARE(c.priority, Priority::Urgent);
        auto detail = view(c);
        RecordDialog *reply = detail->openRecord(QStringLiteral("supervision_reply"));
        QVERIFY(reply);
        // The handler's name and phone are filled in; the handling time is counted.
        QCOMPARE(
            qobject_cast<QLineEdit *>(reply->fieldWidget(QStringLiteral("handler_name")))->text(), f->supervisor.name);
        for (const QString &field : {QStringLiteral("cause_and_verification"), QStringLiteral("action_against_staff"),
                 QStringLiteral("lessons_and_measures")})
            qobject_cast<QPlainTextEdit *>(reply->fieldWidget(field))->setPlainText(QStringLiteral("已核实并整改"));
        saveScreenshot(reply, QStringLiteral("dialog-supervision-reply"));
        reply->accept();
        QVERIFY2(reply->errorText().isEmpty(), qPrintable(reply->errorText()));
        detail->printSupervisionReply();
        auto *document = detail->findChild<DocumentDialog *>();
        QVERIFY(document);
        QVERIFY(document->document().title().contains(c.number) || !document->document().title().isEmpty());
        QVERIFY(document->errorText().isEmpty());
        saveScreenshot(document, QStringLiteral("document-supervision-reply"));
        saveScreenshot(detail.get(), QStringLiteral("detail-forwarded-regulator"));
    }
};

QTEST_MAIN(TestCaseDetail)
#include "test_case_detail.moc"
