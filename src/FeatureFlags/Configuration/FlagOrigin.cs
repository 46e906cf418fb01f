// The shared validation rules (Configuration/Rules) record where each node came from as a FlagOrigin: at run
// time the configuration source and key, in the analyzers and the generator a span of appsettings text.
global using FlagOrigin = FeatureFlags.FlagValueSource;
