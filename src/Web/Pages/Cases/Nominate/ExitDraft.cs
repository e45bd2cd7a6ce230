using System.Text.Json;
using CaseManager.Domain.Cases;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CaseManager.Web.Pages.Cases.Nominate;

/// <summary>
/// The answers of an exit nomination between its question page and check-your-answers. They wait in TempData
/// (an encrypted cookie) for that one case; the command is sent only when the user confirms.
/// </summary>
public sealed record ExitDraft(Guid CaseId, ExitReason? Reason, string? Note, string? Evidence)
{
    private const string Key = "ExitDraft";

    public static ExitDraft? Peek(ITempDataDictionary tempData, Guid caseId) =>
        tempData.Peek(Key) is string json && JsonSerializer.Deserialize<ExitDraft>(json) is { } draft && draft.CaseId == caseId ? draft : null;

    public void Keep(ITempDataDictionary tempData) => tempData[Key] = JsonSerializer.Serialize(this);

    public static void Clear(ITempDataDictionary tempData) => tempData.Remove(Key);
}
