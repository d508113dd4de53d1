namespace Search.Cli.Quality;

/// <summary>A gold file cannot be scored as given; the message names the file and line.</summary>
internal sealed class QualityDataException(string message) : Exception(message);
