using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Reindexing;

/// <summary>
/// Job history (the last 50) in a JSON file beside the index generations, written atomically. A job that was
/// not finished when the process stopped is marked failed (interrupted) when the history is loaded.
/// </summary>
public sealed class ReindexJobStore
{
    public const int MaxJobs = 50;
    private const string FileName = "reindex-jobs.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _path;
    private readonly Lock _lock = new();

    public ReindexJobStore(string indexRoot)
    {
        _path = Path.Combine(indexRoot, FileName);
    }

    public List<ReindexJobSnapshot> Load()
    {
        if (!File.Exists(_path))
        {
            return [];
        }
        List<ReindexJobSnapshot> jobs;
        try
        {
            jobs = JsonSerializer.Deserialize<List<ReindexJobSnapshot>>(File.ReadAllText(_path), Json) ?? [];
        }
        catch (JsonException)
        {
            // A damaged history must not stop the service; the index itself does not depend on it.
            return [];
        }
        return jobs.Select(j => j.IsFinished ? j : j with
        {
            State = ReindexState.Failed,
            Finished = DateTimeOffset.UtcNow,
            Message = "Interrupted: the server stopped during the rebuild. The previous generation stayed live and the partial one was removed.",
        }).ToList();
    }

    public void Save(IEnumerable<ReindexJobSnapshot> jobsNewestFirst)
    {
        var jobs = jobsNewestFirst.Take(MaxJobs).ToList();
        lock (_lock)
        {
            string temp = _path + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, jobs, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, _path, overwrite: true);
        }
    }
}
