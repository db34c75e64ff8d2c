import Foundation
import Hummingbird
import NIOCore

/// The UI's one script, served from the binary: drag and drop on the upload page, each file sent on its own
/// to `POST /upload/file`, its result shown as it arrives. Text goes in with `textContent`, never as markup.
/// Without it the form still posts every file and the server answers with a page of results.
enum WebAssets {
    static func register(on router: Router<AnkangRequestContext>) {
        router.get("assets/upload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: uploadScript)))
        }
    }

    static let uploadScript = #"""
        "use strict";
        (function () {
          const form = document.getElementById("upload-form");
          const input = document.getElementById("files");
          const zone = document.getElementById("drop-zone");
          const results = document.getElementById("results");
          if (!form || !input || !zone || !results) return;
          const label = (key) => results.dataset[key] || key;
          const zh = label("lang") !== "en";
          const queue = [];
          let running = 0;

          function add(tag, parent, text, className) {
            const node = document.createElement(tag);
            if (text !== undefined) node.textContent = text;
            if (className) node.className = className;
            parent.appendChild(node);
            return node;
          }

          function show(item, status, answer) {
            item.textContent = "";
            add("strong", item, item.dataset.file);
            item.append(" ");
            const outcome = answer.outcome || "refused";
            item.className = outcome;
            item.dataset.outcome = outcome;
            const style = outcome === "accepted" ? "ok" : outcome === "duplicate" ? "warn" : "error";
            add("span", item, label(outcome), style);
            if (answer.error && outcome !== "rejected") item.append(" " + (zh ? answer.error.zh : answer.error.en));
            const receipt = answer.receipt;
            if (receipt && receipt.scoreTotal !== undefined && receipt.scoreTotal !== null) {
              item.append(" · " + label("score") + " " + Number(receipt.scoreTotal).toFixed(1));
            }
            if (receipt && receipt.grade) item.append(" · " + label("grade") + " " + (answer.gradeLabel || receipt.grade));
            const findings = answer.findings || [];
            if (findings.length) {
              const list = add("ul", item);
              for (const finding of findings) {
                const line = add("li", list);
                const place = (finding.line || "?") + ":" + (finding.column || "?");
                add("span", line, place, finding.severity === "error" ? "error" : "warn");
                line.append(" " + (zh ? finding.zh : finding.en));
                if (finding.path) { line.append(" "); add("code", line, "[" + finding.path + "]"); }
                line.append(" ");
                add("span", line, "(" + finding.code + ")", "muted");
              }
            }
          }

          async function send(file, item) {
            try {
              const response = await fetch("/upload/file", {
                method: "POST", credentials: "same-origin", body: file,
                headers: { "Content-Type": "application/xml", "X-File-Name": encodeURIComponent(file.name) },
              });
              if (response.status === 401) { window.location = "/login?next=/upload"; return; }
              let answer;
              try { answer = await response.json(); } catch (e) { answer = { outcome: "refused" }; }
              show(item, response.status, answer);
            } catch (error) {
              item.textContent = "";
              add("strong", item, item.dataset.file);
              item.append(" ");
              add("span", item, label("failed") + ": " + error, "error");
              item.dataset.outcome = "failed";
            }
          }

          function pump() {
            while (running < 4 && queue.length) {
              const [file, item] = queue.shift();
              running += 1;
              send(file, item).finally(() => { running -= 1; pump(); });
            }
          }

          function upload(files) {
            for (const file of files) {
              const item = add("li", results, file.name + " — " + label("sending"));
              item.dataset.file = file.name;
              queue.push([file, item]);
            }
            pump();
          }

          form.addEventListener("submit", (event) => { event.preventDefault(); upload(input.files); input.value = ""; });
          input.addEventListener("change", () => { upload(input.files); input.value = ""; });
          zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
          zone.addEventListener("dragleave", () => zone.classList.remove("over"));
          zone.addEventListener("drop", (event) => {
            event.preventDefault();
            zone.classList.remove("over");
            upload(event.dataTransfer.files);
          });
        })();

        """#
}
