export * from './units.ts';
export * from './geo.ts';
export * from './profile.ts';
export type { Tags, OsmHandler, Inflate } from './osm/types.ts';
export { parsePbf } from './osm/pbf.ts';
export { parseOsmXml } from './osm/xml.ts';
export { carWayRule, parseMaxspeed, parseDuration, type WayRule } from './osm/car.ts';
export { SERVICE_TYPES, isServiceType, serviceTypesOf, type ServiceType } from './osm/services.ts';
export { OsmCollector, type OsmExtract } from './osm/network.ts';
export { OSM_SERVICE_KINDS, serviceKindsOf, OsmServiceCollector, type OsmServiceKind, type OsmServiceFeature } from './osm/service-kinds.ts';
export { ROAD_CLASSES, roadClassOf, OsmRoadCollector, type RoadClass, type RoadCollection, type RoadExtract, type RoadOptions } from './osm/roads.ts';
export { simplifyLine } from './osm/simplify.ts';
export { BaseNetworkBuilder, DIR_FWD, DIR_BWD, type BaseNetwork } from './graph/base.ts';
export { buildGraph } from './graph/build.ts';
export type { RoutingGraph, DroppedReport, SegmentGrid } from './graph/graph.ts';
export { serializeGraph, deserializeGraph, isGraphCache } from './graph/cache.ts';
export { parseCsvNetwork } from './graph/csv-network.ts';
export { TwoNearestSearch, type ReverseAdjacency } from './routing/search.ts';
export { twoNearest } from './routing/compute.ts';
export { buildCch, type CchStats } from './routing/cch.ts';
export { phastTwoNearest, buildContractionHierarchy, type ContractionHierarchy } from './routing/ch.ts';
export type { Labels, Seeds } from './routing/labels.ts';
export type { ServicePoint, Origin } from './analysis/points.ts';
export { parsePointsCsv, parseOriginsCsv, parseScbGridCsv, scbCellCentre, sweref99tmToWgs84 } from './analysis/inputs.ts';
export { snapAll, type Snaps } from './analysis/snap.ts';
export { AccessibilityModel, type ModelOptions, type ScenarioInput, type ScenarioOutcome, type OriginChange } from './analysis/model.ts';
export { STATUS, type Status, type TypeResults, type OriginResult } from './analysis/results.ts';
export {
  aggregate,
  diffAggregate,
  travelTimeOrder,
  updateTravelTimeOrder,
  type Aggregate,
  type TypeAggregate,
  type AggregateOptions,
} from './analysis/aggregate.ts';
export { twoNearestStraight } from './analysis/straight.ts';
export {
  analyse,
  analysisFacts,
  applyScenario,
  resultTable,
  type Analysis,
  type AnalysisInput,
  type AnalysisFacts,
  type ChangedOrigin,
  type ScenarioRun,
} from './analysis/pipeline.ts';
export { encodeResults, decodeResults, isEncodedResults, secondsOf, NONE, type ResultTable, type TypeColumns } from './analysis/result-table.ts';
// I/O edge (Node APIs): files, caches, worker threads. The CLI is its own entry (`@samhandling/engine/cli`).
export { loadOsm, loadRoads, readOsmFile } from './io/osm-file.ts';
export { saveGraph, loadGraph } from './io/graph-file.ts';
export { readScbGridGpkg } from './io/gpkg.ts';
export { twoNearestMany, shutdownWorkers, warmWorkers } from './parallel/pool.ts';
export { openNetwork, networkSourceOf, warmWorkersFor, type NetworkSource, type OpenNetworkOptions, type OpenedNetwork } from './io/network.ts';
export { readCsvNetwork } from './io/csv-network-file.ts';
export { packResults, unpackResults } from './io/results-file.ts';
export { resultCsv, resultCsvBytes, resultCsvChunks, writeResultCsv, RESULT_CSV_HEADER } from './io/result-csv.ts';
