using CaseManager.Application.Notifications.ListUnsentDigests;
using CaseManager.Application.Notifications.SendNotificationDigest;
using CaseManager.Application.Reviews.RecordReviewNotifications;
using CaseManager.Application.Reviews.ScheduleConsentReviews;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManager.Infrastructure.Jobs;

/// <summary>
/// The <c>review-reminders</c> recurring job (docs/reviews-and-reminders.md). Each step is a message sent through
/// the mediator as the system actor, in a scope and transaction of its own:
/// 1. <see cref="ScheduleConsentReviewsCommand"/> gives any given consent without a review its review (insert-if-absent);
/// 2. <see cref="RecordReviewNotificationsCommand"/> records today's notices and digests (insert-if-absent);
/// 3. <see cref="ListUnsentDigestsQuery"/> finds every digest not yet sent, from this run or an earlier one;
/// 4. <see cref="SendNotificationDigestCommand"/> claims and sends each one.
/// If any digest could not be sent the job fails after trying the rest, so Hangfire retries it; the retry records
/// nothing twice and sends only what is still unsent. The job has no arguments.
/// </summary>
public sealed partial class ReviewRemindersJob(IServiceScopeFactory scopes, ILogger<ReviewRemindersJob> logger)
{
    public async Task Run(CancellationToken cancellationToken)
    {
        var scheduled = await SendAsync<ConsentReviewsScheduled>(new ScheduleConsentReviewsCommand(), cancellationToken);
        if (scheduled.ConsentsWithoutReview > 0)
        {
            LogConsentReviews(scheduled.ConsentsWithoutReview, scheduled.ReviewsAdded);
        }

        var run = await SendAsync(new RecordReviewNotificationsCommand(), cancellationToken);
        LogRecorded(run.Day, run.ReviewsRead, run.NotificationsAdded, run.DigestsAdded);

        var unsent = await SendAsync(new ListUnsentDigestsQuery(), cancellationToken);
        int sent = 0, failed = 0;
        foreach (var digestId in unsent)
        {
            try
            {
                sent += await SendAsync(new SendNotificationDigestCommand(digestId), cancellationToken) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                LogDigestFailed(exception, digestId);
            }
        }

        LogSent(sent, unsent.Count - sent - failed, failed);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {unsent.Count} digests could not be sent; the retry sends only those.");
        }
    }

    private async Task<TResponse> SendAsync<TResponse>(IMessage message, CancellationToken cancellationToken) =>
        (TResponse)(await scopes.SendAsSystemAsync(message, cancellationToken))!;

    private Task<ReviewNotificationRun> SendAsync(RecordReviewNotificationsCommand command, CancellationToken cancellationToken) =>
        SendAsync<ReviewNotificationRun>(command, cancellationToken);

    private Task<IReadOnlyList<Guid>> SendAsync(ListUnsentDigestsQuery query, CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<Guid>>(query, cancellationToken);

    private Task<bool> SendAsync(SendNotificationDigestCommand command, CancellationToken cancellationToken) =>
        SendAsync<bool>(command, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent reviews: {Consents} given consents had none, {Added} added")]
    private partial void LogConsentReviews(int consents, int added);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review reminders for {Day}: {Reviews} reviews due or overdue, {Added} new notices, {Digests} new digests")]
    private partial void LogRecorded(DateOnly day, int reviews, int added, int digests);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests: {Sent} sent, {Skipped} already sent or without an account, {Failed} failed")]
    private partial void LogSent(int sent, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestId} could not be sent; it stays unsent for the retry")]
    private partial void LogDigestFailed(Exception exception, Guid digestId);
}
