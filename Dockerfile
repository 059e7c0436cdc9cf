FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot bot
COPY knowledge knowledge
COPY ingest ingest
COPY register register
COPY prompts prompts
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && pip install --no-cache-dir .
ENV POLICYGUIDE_DATA_DIR=/data
VOLUME ["/data"]
ENTRYPOINT ["policyguide"]
CMD ["chat"]
